package oko.municipal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;

import oko.cli.tests.support.Oko;
import oko.cli.tests.support.Oko.Run;
import oko.core.modules.Modules;
import oko.core.modules.Modules.Module;

/**
 * Pluggability: this runtime has Oko with the municipal module only (nothing here requires the
 * school module's bundles). It works, and nothing of the school module shows.
 */
class WithoutSchoolModuleTest {

    @Test
    void onlyTheMunicipalModuleIsThereAndTheSchoolModuleLeavesNoTrace() {
        assertNull(Platform.getBundle("oko.school"), "the school module's bundle is not in this runtime");
        assertNull(Platform.getBundle("oko.school.ui"));
        assertEquals(List.of("municipal"), Modules.all().stream().map(Module::id).toList());
        assertTrue(Modules.all().stream().flatMap(m -> m.perspectives().stream()).noneMatch(p -> p.contains("school")));
    }

    @Test
    void theMunicipalModuleContributesSeed004sDiagramTypes() {
        var loaded = oko.diagram.DescriptionRegistry.reload();
        assertEquals(List.of(), loaded.problems());
        assertEquals(java.util.Set.of("cycle", "roles", "overview", "plan", "workingGroup"),
                loaded.descriptions().stream().map(d -> d.getId()).collect(java.util.stream.Collectors.toSet()));
        var plan = oko.diagram.DescriptionRegistry.byId("plan").orElseThrow();
        assertEquals("oko.municipal.diagrams", ((oko.diagram.description.DescriptionGroup) plan.eContainer()).getId());
        assertEquals(List.of("workingGroup"), oko.diagram.DescriptionRegistry
                .forClass(oko.model.OkoPackage.Literals.WORKING_GROUP).stream().map(d -> d.getId()).toList());
    }

    @Test
    void theSchoolModulesRulesDoNotRunWithoutIt() {
        oko.model.ModelRoot root = oko.model.OkoFactory.eINSTANCE.createModelRoot();
        oko.model.QualitySystem system = oko.model.OkoFactory.eINSTANCE.createQualitySystem();
        system.setCode("vsoko-x");
        system.setLevel(oko.model.Level.SCHOOL);
        root.getQualitySystems().add(system);
        var problems = oko.core.validation.OkoValidation.validate(List.of(root), new org.eclipse.core.runtime.NullProgressMonitor());
        assertTrue(problems.stream().noneMatch(p -> p.ruleId().startsWith("OKO-SCH")), problems.toString());
    }

    @Test
    void newSystemsComeFromTheMunicipalModuleAndTheSchoolModuleIsUnknown() throws Exception {
        Path data = Files.createTempDirectory("oko-municipal-only");
        Run school = Oko.run(data, "new", "--module", "school", "--name", "ВСОКО").expect(2);
        assertTrue(school.err().contains("school") && school.err().contains("(modules: municipal)")
                || school.err().contains("(модули: municipal)"), school.err());
        Run municipal = Oko.run(data, "new", "--module", "municipal", "--name", "МСОКО Нового района", "--operator",
                "Управление образования Нового района").expect(0);
        assertTrue(municipal.out().contains("municipal-1"), municipal.out());
        // an empty repository, so the system went into a new model; the sample comes from the module
        Oko.run(data, "import", "--sample").expect(0);
    }
}
