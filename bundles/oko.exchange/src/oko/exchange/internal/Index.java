package oko.exchange.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Objects of the model found by what a cell says: their code (exactly, then ignoring case), else
 * their name or other names (compared by {@link Cells#nameKey}, then by {@link Cells#key}).
 *
 * @param <T> the objects
 */
public final class Index<T> {

    private final Map<String, T> byCode = new HashMap<>();
    private final Map<String, List<T>> byCodeKey = new HashMap<>();
    private final Map<String, List<T>> byName = new HashMap<>();
    private final Map<String, List<T>> byNameKey = new HashMap<>();

    /** Adds an object under its code (may be null) and names (null ones skipped). */
    public void add(T object, String code, String... names) {
        if (code != null && !code.isBlank()) {
            byCode.putIfAbsent(code.strip(), object);
            byCodeKey.computeIfAbsent(Cells.nameKey(code), k -> new ArrayList<>()).add(object);
        }
        for (String name : names) {
            if (name != null && !name.isBlank()) {
                addTo(byName, Cells.nameKey(name), object);
                addTo(byNameKey, Cells.key(name), object);
            }
        }
    }

    private static <T> void addTo(Map<String, List<T>> map, String key, T object) {
        List<T> list = map.computeIfAbsent(key, k -> new ArrayList<>());
        if (!list.contains(object)) {
            list.add(object);
        }
    }

    /** The objects the text names: one, none, or several when it is ambiguous. */
    public List<T> find(String text) {
        String stripped = text.strip();
        T exact = byCode.get(stripped);
        if (exact != null) {
            return List.of(exact);
        }
        for (List<T> found : List.of(byCodeKey.getOrDefault(Cells.nameKey(stripped), List.of()),
                byName.getOrDefault(Cells.nameKey(stripped), List.of()),
                byNameKey.getOrDefault(Cells.key(stripped), List.of()))) {
            Set<T> distinct = new LinkedHashSet<>(found);
            if (!distinct.isEmpty()) {
                return List.copyOf(distinct);
            }
        }
        return List.of();
    }

    /** The object the text names when it names exactly one, else null. */
    public T one(String text) {
        List<T> found = find(text);
        return found.size() == 1 ? found.get(0) : null;
    }
}
