package oko.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.diagram.DescriptionTranslations;
import oko.diagram.description.DescriptionGroup;
import oko.diagram.description.DiagramDescription;

/** Diagram types, layers, tools and filters are named in the user's language (NAME_en.properties beside NAME.xmi). */
class DescriptionTranslationsTest {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private static URI shipped(String file) {
        return URI.createFileURI(Path.of(System.getProperty("oko.root", ".")).toAbsolutePath().normalize()
                .resolve(TestModels.descriptionFile(file)).toString());
    }

    private static DescriptionGroup load(URI file, Locale locale) {
        ResourceSetImpl set = new ResourceSetImpl();
        set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
        DescriptionGroup group = (DescriptionGroup) set.getResource(file, true).getContents().get(0);
        DescriptionTranslations.translate(group, file, locale);
        return group;
    }

    private static String label(DescriptionGroup group, String id) {
        for (var it = group.eAllContents(); it.hasNext();) {
            EObject element = it.next();
            var idFeature = element.eClass().getEStructuralFeature("id");
            if (idFeature != null && id.equals(element.eGet(idFeature))) {
                return (String) element.eGet(element.eClass().getEStructuralFeature("label"));
            }
        }
        throw new AssertionError("no element " + id);
    }

    private static DiagramDescription diagram(DescriptionGroup group, String id) {
        return group.getDiagrams().stream().filter(d -> d.getId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theShippedDescriptionsSpeakEnglishUnderAnEnglishLocale() {
        DescriptionGroup generic = load(shipped("oko.diagrams.xmi"), Locale.ENGLISH);
        assertEquals("Management cycle of a direction", diagram(generic, "cycle").getLabel());
        assertEquals("Roles, functions and documents", diagram(generic, "roles").getLabel());
        assertEquals("Cycle stages", diagram(generic, "cycle").getLayers().get(0).getLabel());
        assertEquals("Indicators", label(generic, "cycle.indicators"));
        // a conditional style's reason, written %noFormula, from oko.diagrams_en.properties
        assertEquals("The indicator has no formula", diagram(generic, "cycle").getLayers().get(2).getContainerMappings()
                .get(0).getConditionalStyles().get(0).getLabel());
        assertEquals("Hide documents without functions", label(generic, "roles.withoutDocuments"));
        assertEquals("Delete", label(generic, "roles.delete"));
        DescriptionGroup municipal = load(shipped("municipal.diagrams.xmi"), Locale.UK);
        assertEquals("Network of the plan of measures", diagram(municipal, "plan").getLabel());
        assertEquals("Working group", diagram(municipal, "workingGroup").getLabel());
        assertEquals("Members", label(municipal, "workingGroup.default"));
    }

    @Test
    void russianStaysAsWrittenUnderTheDefaultLanguage() {
        DescriptionGroup generic = load(shipped("oko.diagrams.xmi"), RUSSIAN);
        assertEquals("Управленческий цикл направления", diagram(generic, "cycle").getLabel());
        assertEquals("Этапы цикла", diagram(generic, "cycle").getLayers().get(0).getLabel());
        assertEquals("Скрыть документы без функций", label(generic, "roles.withoutDocuments"));
        // %noFormula from oko.diagrams.properties, the default texts
        assertEquals("У показателя нет формулы", diagram(generic, "cycle").getLayers().get(2).getContainerMappings()
                .get(0).getConditionalStyles().get(0).getLabel());
        DescriptionGroup municipal = load(shipped("municipal.diagrams.xmi"), RUSSIAN);
        assertEquals("Сетевой график плана мероприятий", diagram(municipal, "plan").getLabel());
        assertEquals("Состав", label(municipal, "workingGroup.default"));
    }

    @Test
    void aPercentKeyIsLookedUpInTheDefaultAndTheLanguagesFile(@TempDir Path folder) throws Exception {
        String xmi = Files.readString(Path.of(shipped("oko.diagrams.xmi").toFileString()), StandardCharsets.UTF_8)
                .replace("label=\"Управленческий цикл направления\"", "label=\"%cycle.name\"");
        Path copy = folder.resolve("my.diagrams.xmi");
        Files.writeString(copy, xmi, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("my.diagrams.properties"), "cycle.name = Мой цикл\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("my.diagrams_en.properties"), "cycle.name = My cycle\n", StandardCharsets.UTF_8);
        URI file = URI.createFileURI(copy.toString());
        assertEquals("Мой цикл", diagram(load(file, RUSSIAN), "cycle").getLabel());
        assertEquals("My cycle", diagram(load(file, Locale.ENGLISH), "cycle").getLabel());
        // no translation file for the user's copy: the other labels stay as written
        assertEquals("Этапы цикла", diagram(load(file, Locale.ENGLISH), "cycle").getLayers().get(0).getLabel());
    }
}
