package oko.exchange;

import java.io.IOException;
import java.nio.file.Path;

import oko.model.QualitySystem;

/**
 * A register or table written as XLSX in the shape its {@link ModelImport} of the same
 * {@link #id()} reads: importing what was exported changes nothing.
 */
public interface ModelExport {

    /** The same id as the import that reads it back. */
    String id();

    /** Writes the system's register or table to the file (XLSX), replacing it when complete. */
    void write(QualitySystem system, Path file) throws IOException;
}
