package oko.cycle.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.osgi.framework.Bundle;

/**
 * The weights of the checks and the full-cycle rule, merged from the files contributed to
 * {@code oko.cycle.weights}: oko.cycle's own file first, then the others in the registry's order,
 * each overriding the keys it names. Read once.
 */
public final class Weights {

    /** The extension point. */
    public static final String EXTENSION_POINT = "oko.cycle.weights";
    /** oko.cycle's own file, also read directly when there is no extension registry. */
    public static final String DEFAULTS = "weights/oko.cycle.properties";
    /** Key of the least score every stage needs for a full cycle. */
    public static final String MINIMUM_STAGE_SCORE = "full.minimumStageScore";
    /** Key of the weight from which a missing check makes the cycle incomplete. */
    public static final String ESSENTIAL_WEIGHT = "full.essentialWeight";

    /** Key of the checks that must not be missing in a full cycle (ids separated by spaces or commas). */
    public static final String REQUIRED = "full.required";

    private static volatile Weights current;

    private final Map<String, Double> values;
    private final Set<String> required;

    private Weights(Map<String, Double> values, Set<String> required) {
        this.values = Map.copyOf(values);
        this.required = Set.copyOf(required);
    }

    /** The weights in force. */
    public static Weights current() {
        Weights weights = current;
        if (weights == null) {
            synchronized (Weights.class) {
                if (current == null) {
                    current = merge(contributed());
                }
                weights = current;
            }
        }
        return weights;
    }

    /** Makes {@link #current()} use {@code weights} ({@code null}: read the contributions again). For tests. */
    public static void use(Weights weights) {
        current = weights;
    }

    /**
     * The weights from files in order, each overriding the keys it names; a value that is not a number
     * is logged (naming the file and key) and ignored.
     */
    public static Weights merge(List<Named> files) {
        Map<String, Double> merged = new HashMap<>();
        Set<String> required = new LinkedHashSet<>();
        for (Named file : files) {
            for (String key : file.properties().stringPropertyNames()) {
                String text = file.properties().getProperty(key).strip();
                if (REQUIRED.equals(key.strip())) {
                    required.clear();
                    for (String id : text.split("[,\\s]+")) {
                        if (id.matches("OKO-EV-[1-6]\\.[0-9]+")) {
                            required.add(id);
                        } else if (!id.isEmpty()) {
                            log(file.name() + ": " + key + " names «" + id
                                    + "», which is not a check id; it is ignored (write ids like OKO-EV-1.1)", null);
                        }
                    }
                    continue;
                }
                try {
                    double value = Double.parseDouble(text);
                    if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                        throw new NumberFormatException();
                    }
                    merged.put(key.strip(), value);
                } catch (NumberFormatException e) {
                    log(file.name() + ": " + key + " = «" + text
                            + "» is not a number of 0 or more; the value is ignored (write e.g. " + key + " = 1)", null);
                }
            }
        }
        return new Weights(merged, required);
    }

    /** A properties file and where it comes from (for messages). */
    public record Named(String name, Properties properties) {
    }

    /** A check's weight, 1 when no file names it. */
    public double weight(String checkId) {
        return values.getOrDefault(checkId, 1.0);
    }

    /** Whether a full cycle needs the check {@code checkId} not missing, whatever its weight. */
    public boolean required(String checkId) {
        return required.contains(checkId);
    }

    /** The least score every stage needs for a full cycle (default 50). */
    public double minimumStageScore() {
        return values.getOrDefault(MINIMUM_STAGE_SCORE, 50.0);
    }

    /** Checks of at least this weight must not be missing in a full cycle (default 2). */
    public double essentialWeight() {
        return values.getOrDefault(ESSENTIAL_WEIGHT, 2.0);
    }

    private static List<Named> contributed() {
        List<Named> files = new ArrayList<>();
        if (Platform.getExtensionRegistry() == null) {
            files.add(new Named("oko.cycle/" + DEFAULTS, read(Weights.class.getResource("/" + DEFAULTS))));
            return files;
        }
        List<Named> others = new ArrayList<>();
        for (IConfigurationElement element : Platform.getExtensionRegistry().getConfigurationElementsFor(EXTENSION_POINT)) {
            String contributor = element.getContributor().getName();
            String path = element.getAttribute("file");
            Bundle bundle = Platform.getBundle(contributor);
            URL url = bundle == null || path == null ? null : bundle.getEntry(path);
            if (url == null) {
                log(contributor + ": weights file «" + path + "» not found in the bundle; contribute an existing file", null);
                continue;
            }
            Named named = new Named(contributor + "/" + path, read(url));
            if ("oko.cycle".equals(contributor)) {
                files.add(named);
            } else {
                others.add(named);
            }
        }
        files.addAll(others);
        return files;
    }

    private static Properties read(URL url) {
        Properties properties = new Properties();
        if (url != null) {
            try (InputStream in = url.openStream()) {
                properties.load(in);
            } catch (IOException e) {
                log(url + ": cannot be read (" + e.getMessage() + ")", e);
            }
        }
        return properties;
    }

    private static void log(String message, Throwable e) {
        try {
            ILog.of(Weights.class).warn(message, e);
        } catch (RuntimeException | LinkageError noPlatform) {
            System.err.println(message);
        }
    }
}
