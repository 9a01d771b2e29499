package oko.monitoring.tests;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.ResourceImpl;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;

import oko.model.Monitoring;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.monitoring.RawValueImport;
import oko.monitoring.bench.ImportFixture;

/**
 * {@code java -Xmx… LargeImport VALUES DIR [list]}: writes a long-form CSV of VALUES values (1,000
 * schools × VALUES/1,000 measures: {@link ImportFixture#large}, as the import benchmark) into DIR and
 * imports it into a model in memory with
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
        ImportFixture model = ImportFixture.large("sys", schools, measures);
        Resource resource = new ResourceImpl(URI.createFileURI(dir.resolve("model.oko").toString()));
        new ResourceSetImpl().getResources().add(resource);
        resource.getContents().add(model.root);
        QualitySystem system = model.system;
        Period period = model.period;
        Monitoring monitoring = model.monitoring;
        Path csv = dir.resolve("values.csv");
        ImportFixture.writeLargeCsv(csv, schools, measures);
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
