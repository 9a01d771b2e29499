package oko.exchange.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import oko.exchange.ImportSettings;
import oko.exchange.ModelImport;
import oko.exchange.tables.FunctionTable;
import oko.model.QualitySystem;

/**
 * Benchmark of the function distribution import: a DOCX of 20 sections (spanning rows) and 300
 * functions (15 each; responsible cells naming 3 of 12 roles, documents cells naming 2 of 40
 * documents, some merged down), read, prepared and applied into a new system; prints the median of
 * the warm runs. Goal: under 2 s warm. Run with {@code -Doko.bench=true} (a test), or {@link #main} with the
 * product's jars and this bundle's jar on the class path ({@code run_bench oko.exchange.tests
 * oko.exchange.tests.FunctionTableBench} in releng/bench.sh).
 */
public class FunctionTableBench {

    static final int SECTIONS = 20;
    static final int FUNCTIONS = 15;
    static final int WARMUP = 3;
    static final int RUNS = 7;

    /** Writes the table. */
    static Path write(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] { "Функции", "Ответственные", "Документы" });
        for (int s = 1; s <= SECTIONS; s++) {
            rows.add(new String[] { "<<3>>" + s + ". Раздел номер " + s + " распределения функций по управлению качеством" });
            for (int f = 1; f <= FUNCTIONS; f++) {
                boolean continued = f % 5 == 2;
                rows.add(new String[] { "Функция " + s + "." + f + ": обеспечение организации и координации работы по исполнению мероприятий",
                        continued ? TableFiles.CONTINUE
                                : TableFiles.RESTART + "Должность " + (s + f) % 12 + ", должность " + (s + f + 1) % 12
                                        + ",\nдолжность " + (s + f + 2) % 12,
                        continued ? TableFiles.CONTINUE
                                : TableFiles.RESTART + "Приказ о мероприятии " + (s * f) % 40 + "\nПоложение о процедуре " + (s + f) % 40 });
            }
        }
        return TableFiles.docx(file, "Распределение функций", null, rows.toArray(String[][]::new));
    }

    /** Times of the measured runs in milliseconds, sorted. */
    static long[] run(Path file) throws IOException {
        long[] times = new long[RUNS];
        for (int i = 0; i < WARMUP + RUNS; i++) {
            QualitySystem system = TableFiles.system();
            long start = System.nanoTime();
            ModelImport.Prepared prepared = new FunctionTable().prepare(file, system, ImportSettings.DEFAULT,
                    new NullProgressMonitor());
            prepared.apply();
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            // plain checks: the benchmark also runs without JUnit (releng/bench.sh, the product's jars)
            if (prepared.report().hasErrors()
                    || system.getSections().stream().mapToInt(s -> s.getFunctions().size()).sum() != SECTIONS * FUNCTIONS) {
                throw new IllegalStateException(String.join("\n", prepared.report().lines()));
            }
            if (i >= WARMUP) {
                times[i - WARMUP] = elapsed;
            }
        }
        Arrays.sort(times);
        return times;
    }

    @Test
    @EnabledIfSystemProperty(named = "oko.bench", matches = "true")
    void benchmark() throws IOException {
        main(new String[0]);
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("oko-bench-tables");
        Path file = write(dir.resolve("functions.docx"));
        long[] times = run(file);
        System.out.printf("import table roles: %d sections, %d functions, %d KB DOCX: prepare+apply median %d ms (warm, %d runs: %s)%n",
                SECTIONS, SECTIONS * FUNCTIONS, Files.size(file) / 1024, times[RUNS / 2], RUNS, Arrays.toString(times));
        Files.delete(file);
        Files.delete(dir);
    }
}
