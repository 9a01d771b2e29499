package oko.municipal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.impl.ExtensibleURIConverterImpl;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

import oko.core.modules.Modules;
import oko.core.modules.Modules.Module;

/**
 * A module's resources live in its bundle, and the module declares what they use: the municipal
 * module's sample, diagram descriptions and report layouts are all in oko.municipal, and every
 * class its layouts name (the scripted data sets of oko.reports.data) loads through it.
 */
class ModuleResourcesTest {

    private static final Pattern DATA_SET_CLASS = Pattern.compile("\\b(oko(?:\\.[a-z]+)+\\.[A-Z]\\w*)");

    private static Bundle municipal() {
        Bundle bundle = Platform.getBundle("oko.municipal");
        assertNotNull(bundle, "oko.municipal is not in the test runtime");
        return bundle;
    }

    @Test
    void theSampleShipsInTheModulesBundleAndOpens() throws IOException {
        Module module = Modules.byId("municipal").orElseThrow();
        assertEquals(List.of("platform:/plugin/oko.municipal/samples/seeds.xmi",
                "platform:/plugin/oko.municipal/samples/illustrative-monitoring.xmi"),
                module.samples().stream().map(URI::toString).toList());
        for (URI sample : module.samples()) {
            try (InputStream in = new ExtensibleURIConverterImpl().createInputStream(sample)) {
                String start = new String(in.readNBytes(200), StandardCharsets.UTF_8);
                assertTrue(start.startsWith("<?xml"), sample + " is not a model file: " + start);
            }
        }
    }

    @Test
    void theModulesDiagramDescriptionsAreInItsBundle() {
        List<String> files = new ArrayList<>();
        for (IConfigurationElement element : Platform.getExtensionRegistry()
                .getConfigurationElementsFor("oko.diagram.descriptions")) {
            if (element.getContributor().getName().equals("oko.municipal")) {
                String file = element.getAttribute("file");
                files.add(file);
                assertNotNull(municipal().getEntry(file), file + " is not in the bundle oko.municipal");
            }
        }
        assertEquals(List.of("descriptions/municipal.diagrams.xmi"), files);
        assertNotNull(municipal().getEntry("descriptions/municipal.diagrams_en.properties"), "its English texts");
    }

    @Test
    void everyClassTheLayoutsNameLoadsThroughTheModule() throws IOException {
        List<URL> layouts = Collections.list(municipal().findEntries("layouts", "*.rptdesign", false));
        assertEquals(6, layouts.size(), layouts.toString());
        TreeSet<String> classes = new TreeSet<>();
        for (URL layout : layouts) {
            try (InputStream in = layout.openStream()) {
                Matcher matcher = DATA_SET_CLASS.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                while (matcher.find()) {
                    classes.add(matcher.group(1));
                }
            }
        }
        assertFalse(classes.isEmpty(), "the layouts name no data set class");
        assertTrue(classes.contains("oko.reports.data.MonitoringRows"), classes.toString());
        assertTrue(classes.contains("oko.reports.data.CycleDetailRows"), classes.toString());
        List<String> missing = new ArrayList<>();
        for (String name : classes) {
            try {
                municipal().loadClass(name);
            } catch (ClassNotFoundException e) {
                missing.add(name);
            }
        }
        assertEquals(List.of(), missing, "classes named by oko.municipal's layouts that oko.municipal cannot load "
                + "(require the bundle that exports them)");
    }
}
