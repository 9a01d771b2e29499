package oko.exchange.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import oko.model.ParticipationKind;

/**
 * Reads the RACI kinds out of a responsible cell of a function table (seed 003, docs/raci.md):
 * «Администрация ОУ при непосредственном участии методических объединений учителей-предметников»
 * is the responsible part «Администрация ОУ» (R) and a clause whose roles are consulted (C);
 * «Педагогический коллектив, службы сопровождения при непосредственном руководстве методических
 * объединений…» makes the roles of the clause accountable (A). The clause's words are kept as the
 * participations' note.
 */
public final class Participations {

    /** The phrases that open a clause, with the kind they give its roles. */
    private static final Pattern CLAUSE = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:(при\\s+(?:непосредственном\\s+)?участии|с\\s+(?:непосредственным\\s+)?участием)"
                    + "|(при\\s+(?:непосредственном\\s+)?руководстве|под\\s+(?:непосредственным\\s+)?руководством))"
                    + "(?![\\p{L}])");

    /** Between roles inside a clause: commas (outside brackets) and the conjunctions. */
    private static final Pattern CONJUNCTION = Pattern.compile("(?iu)\\s+(?:и/или|и|или|а\\s+также)\\s+");

    private Participations() {
    }

    /** A clause of a cell: the kind its opening phrase gives, its words as written, and the role names in it. */
    public record Clause(ParticipationKind kind, String note, List<String> roles) {
    }

    /** A cell read: the responsible part (empty when the cell starts with a clause) and the clauses. */
    public record Reading(String responsible, List<Clause> clauses) {
    }

    /** Splits a responsible cell at the clauses' opening phrases. */
    public static Reading read(String cell) {
        String text = cell == null ? "" : cell.replaceAll("\\s+", " ").strip();
        Matcher m = CLAUSE.matcher(text);
        List<int[]> starts = new ArrayList<>();
        List<ParticipationKind> kinds = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] { m.start(), m.end() });
            kinds.add(m.group(1) != null ? ParticipationKind.CONSULTED : ParticipationKind.ACCOUNTABLE);
        }
        if (starts.isEmpty()) {
            return new Reading(text, List.of());
        }
        String responsible = trimJoin(text.substring(0, starts.get(0)[0]));
        List<Clause> clauses = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : text.length();
            String note = trimJoin(text.substring(starts.get(i)[0], end));
            String names = text.substring(starts.get(i)[1], end);
            clauses.add(new Clause(kinds.get(i), note, names(names)));
        }
        return new Reading(responsible, clauses);
    }

    /** The role names of a clause: parts between commas outside brackets, each split at «и», «или», «и/или». */
    static List<String> names(String text) {
        List<String> names = new ArrayList<>();
        for (String part : TableImport.commaParts(text)) {
            for (String name : CONJUNCTION.split(part)) {
                String n = trimJoin(name).replaceAll("(?<=\\p{L})-\\s+(?=\\p{L})", "-");
                if (!n.isEmpty()) {
                    names.add(n);
                }
            }
        }
        return names;
    }

    /** Trailing commas, «и», dots and spaces dropped. */
    private static String trimJoin(String text) {
        String t = text.strip();
        String before;
        do {
            before = t;
            t = t.replaceAll("(?iu)[\\s,;.]+$", "").replaceAll("(?iu)\\s+(?:и|или|и/или)$", "").strip();
        } while (!t.equals(before));
        return t;
    }

    /**
     * A key that tolerates the case endings of Russian nouns and adjectives: the words (letters,
     * hyphenated parts apart) cut to their first five letters, lower case, ё as е, brackets dropped.
     * «методических объединений учителей-предметников» and «Методические объединения
     * учителей-предметников» have the same stem key, as have «научно-методического совета» and
     * «Научно-методический совет».
     */
    public static String stems(String name) {
        if (name == null) {
            return "";
        }
        String text = name.replaceAll("\\([^)]*\\)", " ").toLowerCase(Locale.ROOT).replace('ё', 'е');
        StringBuilder key = new StringBuilder();
        for (String word : text.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                key.append(key.length() > 0 ? " " : "").append(word, 0, Math.min(5, word.length()));
            }
        }
        return key.toString();
    }
}
