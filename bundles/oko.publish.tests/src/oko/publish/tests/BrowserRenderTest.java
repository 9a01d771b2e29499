package oko.publish.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import oko.publish.SitePublisher;

/**
 * Renders the published start page and a direction page in Debian's chromium (headless) at a
 * desktop and a phone width, to PNG under target/browser/ — to look at — and checks the pictures
 * have the size asked for and are not blank. Without /usr/bin/chromium the test is skipped, unless
 * the environment says a browser is required ({@code OKO_BROWSER_REQUIRED=1}, as ./test.sh sets):
 * then it fails, saying what to install.
 */
class BrowserRenderTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static Path site;
    static Path shots;

    @BeforeAll
    static void publish() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            if ("1".equals(System.getenv("OKO_BROWSER_REQUIRED"))) {
                fail(CHROMIUM + " is missing: install Debian's chromium (apt-get install -y --no-install-recommends "
                        + "chromium; ./test.sh installs it when run as root)");
            }
            Assumptions.abort(CHROMIUM + " is missing (apt-get install chromium); OKO_BROWSER_REQUIRED is not set");
        }
        Path target = Path.of(System.getProperty("oko.root"), "bundles", "oko.publish.tests", "target");
        site = target.resolve("browser-site");
        shots = target.resolve("browser");
        Files.createDirectories(shots);
        SitePublisher.publish(new Sample().system(PublishSampleTest.ISHIMBAY), null, site, PublishSampleTest.NO_REPORTS,
                new NullProgressMonitor());
    }

    @Test
    void startPageDesktopAndPhone() throws Exception {
        check(screenshot("index.html", "index-desktop.png", 1280, 900), 1280, 900);
        check(screenshot("index.html", "index-phone.png", 390, 844), 390, 844);
    }

    @Test
    void directionPageDesktopAndPhone() throws Exception {
        check(screenshot("direction-1.2.html", "direction-desktop.png", 1280, 900), 1280, 900);
        check(screenshot("direction-1.2.html", "direction-phone.png", 390, 844), 390, 844);
        // the whole page at the phone width, to look at the tables laid out as cards
        check(screenshot("direction-1.2.html", "direction-phone-long.png", 390, 6000), 390, 6000);
        check(screenshot("monitoring.html", "monitoring-phone-long.png", 390, 3000), 390, 3000);
    }

    private static Path screenshot(String page, String png, int width, int height) throws Exception {
        Path out = shots.resolve(png);
        Files.deleteIfExists(out);
        Path profile = Files.createTempDirectory("oko-chromium-");
        Path log = Files.createTempFile("oko-chromium-", ".log");
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", "--user-data-dir=" + profile, "--screenshot=" + out,
                "--window-size=" + width + "," + height, site.resolve(page).toUri().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("chromium did not finish " + page + " within 120 s: " + tail(log));
            }
            assertEquals(0, process.exitValue(), "chromium exit code for " + page + ": " + tail(log));
            assertTrue(Files.size(out) > 1000, png + " written: " + tail(log));
        } finally {
            deleteTree(profile);
            Files.deleteIfExists(log);
        }
        return out;
    }

    private static void check(Path png, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(width, image.getWidth(), png + " width");
        assertEquals(height, image.getHeight(), png + " height");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < Math.min(height, 900); y += 3) {
            for (int x = 0; x < width; x += 3) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, png + ": nearly blank (" + colours.size() + " colours)");
        // the heading band is drawn: the accent colour #1f5f99 at the top left
        int rgb = image.getRGB(2, 2);
        int[] want = { 0x1f, 0x5f, 0x99 };
        int[] got = { (rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff };
        for (int i = 0; i < 3; i++) {
            assertTrue(Math.abs(want[i] - got[i]) <= 8, png + ": the header band's colour at (2, 2) is "
                    + Integer.toHexString(rgb & 0xffffff) + ", not about 1f5f99");
        }
    }

    private static String tail(Path log) throws IOException {
        String text = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
