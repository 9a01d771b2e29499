package oko.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The rule that keeps Oko's core usable without a display: a bundle that declares
 * {@code Oko-Layer: headless} in its manifest must not depend, directly or through any other
 * bundle, on SWT, JFace, the workbench, GEF or draw2d.
 *
 * <p>The bundles checked are the modules of {@code bundles/pom.xml}. This bundle requires every
 * headless bundle, so this test runtime contains exactly the
 * headless closure. Two checks: the manifests in {@code bundles/} (every Oko bundle declares its
 * layer, headless ones name no UI bundle or package), and the resolved OSGi wiring of this runtime
 * (nothing headless reaches a UI bundle, transitively). A violation fails {@code mvn verify}.
 */
class HeadlessBoundaryTest {

    private static final List<String> UI_PREFIXES = List.of("org.eclipse.swt", "org.eclipse.jface",
            "org.eclipse.ui", "org.eclipse.e4.ui", "org.eclipse.draw2d", "org.eclipse.gef", "org.eclipse.nebula");

    private static Map<String, Manifest> manifests;

    @BeforeAll
    static void readManifests() throws IOException {
        String root = System.getProperty("oko.root");
        assertNotNull(root, "system property oko.root (the repository root) is not set by the build");
        Path bundles = Path.of(root, "bundles");
        manifests = new TreeMap<>();
        // the bundles of the build are the modules of bundles/pom.xml
        String pom = Files.readString(bundles.resolve("pom.xml"));
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        while (module.find()) {
            Path file = bundles.resolve(module.group(1).trim()).resolve("META-INF/MANIFEST.MF");
            assertTrue(Files.exists(file), "module without manifest: " + file);
            try (InputStream in = Files.newInputStream(file)) {
                manifests.put(module.group(1).trim(), new Manifest(in));
            }
        }
        assertFalse(manifests.isEmpty(), "no modules found in " + bundles.resolve("pom.xml"));
    }

    private static String layer(Manifest manifest) {
        return manifest.getMainAttributes().getValue("Oko-Layer");
    }

    private static List<String> headlessBundles() {
        return manifests.entrySet().stream().filter(e -> "headless".equals(layer(e.getValue())))
                .map(Map.Entry::getKey).toList();
    }

    /** Headless bundles that ship in the product (test bundles are checked by manifest only). */
    private static List<String> shippedHeadlessBundles() {
        return headlessBundles().stream().filter(dir -> !dir.endsWith(".tests")).toList();
    }

    private static boolean isUi(String name) {
        return UI_PREFIXES.stream().anyMatch(p -> name.equals(p) || name.startsWith(p + "."));
    }

    @Test
    void everyOkoBundleDeclaresItsLayer() {
        List<String> wrong = new ArrayList<>();
        manifests.forEach((dir, manifest) -> {
            String layer = layer(manifest);
            if (!"headless".equals(layer) && !"ui".equals(layer)) {
                wrong.add(dir + " (Oko-Layer: " + layer + ")");
            }
        });
        assertEquals(List.of(), wrong, "each bundle must declare Oko-Layer: headless or Oko-Layer: ui");
    }

    @Test
    void headlessManifestsNameNoUiBundleOrPackage() {
        List<String> violations = new ArrayList<>();
        for (String dir : headlessBundles()) {
            Manifest manifest = manifests.get(dir);
            for (String header : List.of("Require-Bundle", "Import-Package", "Fragment-Host")) {
                String value = manifest.getMainAttributes().getValue(header);
                if (value == null) {
                    continue;
                }
                for (String clause : value.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
                    String name = clause.split(";")[0].trim();
                    if (isUi(name)) {
                        violations.add(dir + " " + header + ": " + name);
                    }
                }
            }
        }
        assertEquals(List.of(), violations, "headless bundles must not depend on UI");
    }

    @Test
    void everyHeadlessBundleIsInThisRuntimeAndResolved() {
        Map<String, Bundle> installed = installedBundles();
        List<String> problems = new ArrayList<>();
        for (String dir : shippedHeadlessBundles()) {
            String name = symbolicName(manifests.get(dir));
            Bundle bundle = installed.get(name);
            if (bundle == null) {
                problems.add(name + " is not in the headless test runtime: add it to Require-Bundle of oko.headless.tests");
            } else if (bundle.adapt(BundleWiring.class) == null) {
                problems.add(name + " does not resolve without UI bundles");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void noHeadlessBundleReachesUiThroughItsWiring() {
        Map<String, Bundle> installed = installedBundles();
        List<String> violations = new ArrayList<>();
        for (String dir : shippedHeadlessBundles()) {
            Bundle start = installed.get(symbolicName(manifests.get(dir)));
            if (start != null) {
                findPathToUi(start).ifPresent(path -> violations.add(String.join(" -> ", path)));
            }
        }
        // Tycho 5 also installs the IDE application (and so the workbench) into every test runtime,
        // so the presence of UI bundles proves nothing; what matters is that no headless bundle is
        // wired to one, which is what a headless run of the product depends on.
        assertEquals(List.of(), violations, "dependency chains from headless bundles to UI bundles");
    }

    /** Breadth-first over required wires (packages and bundles); returns the chain to the first UI bundle. */
    private static java.util.Optional<List<String>> findPathToUi(Bundle start) {
        Map<Bundle, Bundle> parent = new HashMap<>();
        Deque<Bundle> queue = new ArrayDeque<>();
        queue.add(start);
        parent.put(start, null);
        while (!queue.isEmpty()) {
            Bundle bundle = queue.poll();
            if (isUi(bundle.getSymbolicName())) {
                List<String> path = new ArrayList<>();
                for (Bundle b = bundle; b != null; b = parent.get(b)) {
                    path.add(0, b.getSymbolicName());
                }
                return java.util.Optional.of(path);
            }
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            if (wiring == null) {
                continue;
            }
            for (BundleWire wire : wiring.getRequiredWires(null)) {
                Bundle provider = wire.getProviderWiring().getBundle();
                if (provider.getBundleId() != 0 && !parent.containsKey(provider)) {
                    parent.put(provider, bundle);
                    queue.add(provider);
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static Map<String, Bundle> installedBundles() {
        Bundle self = FrameworkUtil.getBundle(HeadlessBoundaryTest.class);
        assertNotNull(self, "not running in OSGi");
        Map<String, Bundle> result = new HashMap<>();
        Arrays.stream(self.getBundleContext().getBundles()).forEach(b -> result.put(b.getSymbolicName(), b));
        return result;
    }

    private static String symbolicName(Manifest manifest) {
        String value = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        if (value == null) {
            fail("manifest without Bundle-SymbolicName");
        }
        return value.split(";")[0].trim();
    }
}
