package oko.monitoring.tests;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.ResourceImpl;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;

import oko.model.DataElement;
import oko.model.ModelRoot;
import oko.model.Monitoring;
import oko.model.OkoFactory;
import oko.model.Organisation;
import oko.model.OrganisationKind;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.monitoring.RawValueImport;

/**
 * {@code java -Xmx… LargeImport VALUES DIR [list]}: writes a long-form CSV of VALUES values (1,000
 * schools × VALUES/1,000 measures) into DIR and imports it into a model in memory with
 * {@link RawValueImport#importFile} (with {@code list}: {@link RawValueImport#check} then
 * {@link RawValueImport#storeAll}, the rows kept in a list); prints "stored N" and exits 0.
 * Run in a JVM of its own by {@link ImportMemoryTest}.
 */
public final class LargeImport {

    private LargeImport() {
    }

    public static void main(String[] args) throws Exception {
        int values = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        boolean list = args.length > 2 && args[2].equals("list");
        int schools = 1000;
        int measures = values / schools;
        OkoFactory f = OkoFactory.eINSTANCE;
        Resource resource = new ResourceImpl(URI.createFileURI(dir.resolve("model.oko").toString()));
        new ResourceSetImpl().getResources().add(resource);
        ModelRoot root = f.createModelRoot();
        resource.getContents().add(root);
        QualitySystem system = f.createQualitySystem();
        system.setCode("sys");
        root.getQualitySystems().add(system);
        Period period = f.createPeriod();
        period.setCode("2023");
        root.getPeriods().add(period);
        for (int s = 0; s < schools; s++) {
            Organisation school = f.createOrganisation();
            school.setKind(OrganisationKind.SCHOOL);
            school.setCode("S" + s);
            root.getOrganisations().add(school);
        }
        for (int m = 0; m < measures; m++) {
            DataElement element = f.createDataElement();
            element.setCode("x" + m);
            system.getDataElements().add(element);
        }
        Monitoring monitoring = f.createMonitoring();
        monitoring.setCode("M");
        system.getMonitorings().add(monitoring);
        Path csv = dir.resolve("values.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("school;period;measure;value\n");
            for (int s = 0; s < schools; s++) {
                for (int m = 0; m < measures; m++) {
                    out.write("S" + s + ";2023;x" + m + ";" + (s + m) % 100 + ",5\n");
                }
            }
        }
        List<String> problems;
        int stored;
        if (list) {
            RawValueImport.Checked checked = RawValueImport.check(csv, null, system, period);
            problems = checked.problems();
            stored = checked.ok() ? RawValueImport.storeAll(system, period, checked.rows()).values() : 0;
        } else {
            RawValueImport.Imported imported = RawValueImport.importFile(csv, null, system, period);
            problems = imported.problems();
            stored = imported.ok() ? imported.stored().values() : 0;
        }
        int inModel = monitoring.getRuns().isEmpty() ? 0 : monitoring.getRuns().get(0).getRawValues().size();
        problems.stream().limit(10).forEach(System.out::println);
        System.out.println("stored " + stored + ", in the model " + inModel);
        System.exit(problems.isEmpty() ? 0 : 1);
    }
}
