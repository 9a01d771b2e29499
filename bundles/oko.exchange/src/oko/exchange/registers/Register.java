package oko.exchange.registers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import oko.exchange.ImportReport;
import oko.exchange.ImportSettings;
import oko.exchange.Messages;
import oko.exchange.ModelExport;
import oko.exchange.ModelImport;
import oko.exchange.internal.TabularFile;
import oko.model.QualitySystem;

/** What the registers share: a CSV or XLSX file read as rows, then every row checked. */
abstract class Register implements ModelImport, ModelExport {

    private static final Set<String> EXTENSIONS = Set.of("csv", "xlsx");

    @Override
    public Set<String> extensions() {
        return EXTENSIONS;
    }

    @Override
    public final Prepared prepare(Path file, QualitySystem system, ImportSettings settings, IProgressMonitor monitor)
            throws IOException {
        SubMonitor progress = SubMonitor.convert(monitor, Messages.bind(Messages.reading, file.getFileName()), 2);
        ImportReport report = new ImportReport(file.getFileName().toString());
        TabularFile table = TabularFile.read(file, report);
        progress.worked(1);
        Prepared prepared = check(system, table, settings == null ? ImportSettings.DEFAULT : settings, report);
        progress.worked(1);
        return prepared;
    }

    /** Checks every row of the table and works out the changes, reporting what is wrong. */
    abstract Prepared check(QualitySystem system, TabularFile table, ImportSettings settings, ImportReport report);
}
