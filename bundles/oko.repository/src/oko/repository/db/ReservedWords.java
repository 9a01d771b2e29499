package oko.repository.db;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Words that may not name a table or column. CDO's mapping strategy appends a suffix to a name
 * that the adapter reports as reserved, so metamodel features such as {@code value}, {@code group},
 * {@code year} or {@code user} get safe column names in either database.
 */
final class ReservedWords {

    /** Keywords of H2 2.x (https://h2database.com/html/advanced.html#keywords). */
    static final String[] H2 = { "ALL", "AND", "ANY", "ARRAY", "AS", "ASYMMETRIC", "AUTHORIZATION", "BETWEEN",
            "BOTH", "CASE", "CAST", "CHECK", "CONSTRAINT", "CROSS", "CURRENT_CATALOG", "CURRENT_DATE",
            "CURRENT_PATH", "CURRENT_ROLE", "CURRENT_SCHEMA", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER",
            "DAY", "DEFAULT", "DISTINCT", "ELSE", "END", "EXCEPT", "EXISTS", "FALSE", "FETCH", "FOR", "FOREIGN",
            "FROM", "FULL", "GROUP", "GROUPS", "HAVING", "HOUR", "IF", "ILIKE", "IN", "INNER", "INTERSECT",
            "INTERVAL", "IS", "JOIN", "KEY", "LEADING", "LEFT", "LIKE", "LIMIT", "LOCALTIME", "LOCALTIMESTAMP",
            "MINUS", "MINUTE", "MONTH", "NATURAL", "NOT", "NULL", "OFFSET", "ON", "OR", "ORDER", "OVER",
            "PARTITION", "PRIMARY", "QUALIFY", "RANGE", "REGEXP", "RIGHT", "ROW", "ROWNUM", "ROWS", "SECOND",
            "SELECT", "SESSION_USER", "SET", "SOME", "SYMMETRIC", "SYSTEM_USER", "TABLE", "TO", "TOP",
            "TRAILING", "TRUE", "UESCAPE", "UNION", "UNIQUE", "UNKNOWN", "USER", "USING", "VALUE", "VALUES",
            "WHEN", "WHERE", "WINDOW", "WITH", "YEAR", "_ROWID_" };

    /** Reserved key words of PostgreSQL 15 (appendix C of its manual, "reserved" column). */
    static final String[] POSTGRESQL = { "ALL", "ANALYSE", "ANALYZE", "AND", "ANY", "ARRAY", "AS", "ASC",
            "ASYMMETRIC", "AUTHORIZATION", "BINARY", "BOTH", "CASE", "CAST", "CHECK", "COLLATE", "COLLATION",
            "COLUMN", "CONCURRENTLY", "CONSTRAINT", "CREATE", "CROSS", "CURRENT_CATALOG", "CURRENT_DATE",
            "CURRENT_ROLE", "CURRENT_SCHEMA", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "DEFAULT",
            "DEFERRABLE", "DESC", "DISTINCT", "DO", "ELSE", "END", "EXCEPT", "FALSE", "FETCH", "FOR", "FOREIGN",
            "FREEZE", "FROM", "FULL", "GRANT", "GROUP", "HAVING", "ILIKE", "IN", "INITIALLY", "INNER",
            "INTERSECT", "INTO", "IS", "ISNULL", "JOIN", "LATERAL", "LEADING", "LEFT", "LIKE", "LIMIT",
            "LOCALTIME", "LOCALTIMESTAMP", "NATURAL", "NOT", "NOTNULL", "NULL", "OFFSET", "ON", "ONLY", "OR",
            "ORDER", "OUTER", "OVERLAPS", "PLACING", "PRIMARY", "REFERENCES", "RETURNING", "RIGHT", "SELECT",
            "SESSION_USER", "SIMILAR", "SOME", "SYMMETRIC", "SYSTEM_USER", "TABLE", "TABLESAMPLE", "THEN", "TO",
            "TRAILING", "TRUE", "UNION", "UNIQUE", "USER", "USING", "VARIADIC", "VERBOSE", "WHEN", "WHERE",
            "WINDOW", "WITH",
            // not reserved by PostgreSQL, but type or function names that break unquoted DDL
            "VALUE", "YEAR", "MONTH", "DAY", "KEY", "TOP", "LEVEL", "POSITION", "TIMESTAMP", "DATE", "TIME" };

    private ReservedWords() {
    }

    static boolean contains(String[] words, String word) {
        for (String reserved : words) {
            if (reserved.equalsIgnoreCase(word)) {
                return true;
            }
        }
        return false;
    }

    static String[] union(String[]... lists) {
        Set<String> words = new LinkedHashSet<>();
        for (String[] list : lists) {
            words.addAll(Arrays.asList(list));
        }
        return words.toArray(String[]::new);
    }
}
