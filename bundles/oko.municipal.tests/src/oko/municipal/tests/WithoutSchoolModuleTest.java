package oko.municipal.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;

import oko.cli.CommandCatalog;
import oko.cli.Dispatcher;
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
        String[] school = run(data, "new", "--module", "school", "--name", "ВСОКО");
        assertEquals("2", school[0], school[2]);
        assertTrue(school[2].contains("school") && school[2].contains("(modules: municipal)")
                || school[2].contains("(модули: municipal)"), school[2]);
        String[] municipal = run(data, "new", "--module", "municipal", "--name", "МСОКО Нового района");
        assertEquals("0", municipal[0], municipal[2]);
        assertTrue(municipal[1].contains("municipal-1"), municipal[1]);
        // an empty repository, so the system went into a new model; the sample comes from the module
        String[] sample = run(data, "import", "--sample");
        assertEquals("0", sample[0], sample[2]);
    }

    /** exit code, out, err of ./oko --data DATA ARGS… */
    private static String[] run(Path data, String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--data", data.toString()));
        args.addAll(List.of(arguments));
        var outcome = new Dispatcher(CommandCatalog.fromExtensions(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), (command, cause) -> cause.printStackTrace())
                .dispatch(args);
        return new String[] { String.valueOf(outcome.exitCode().orElse(0)), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8) };
    }
}
