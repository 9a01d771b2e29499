package oko.reports.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

/** The report tests' way to run a tool (pdftotext, pdfinfo, pdftoppm) and read what it printed. */
final class Tools {

    private Tools() {
    }

    /** Runs the command, standard error merged into its output; fails, with the output, unless it exits 0. */
    static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
        return output;
    }

    /** The text on one line: soft hyphens and no-break spaces as spaces, each run of white space one space. */
    static String oneLine(String text) {
        return text.replace('\u00ad', ' ').replace('\u00a0', ' ').replaceAll("\\s+", " ");
    }
}
