package oko.repository.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.cdo.common.id.CDOIDUtil;
import org.eclipse.emf.cdo.server.db.IIDHandler;
import org.eclipse.emf.cdo.server.internal.db.mapping.horizontal.IMappingConstants;

/**
 * The ids of a bulk read as the conditions of its queries: dense runs of ids (at least
 * {@value #MIN_RUN} ids, no gap wider than {@value #MAX_GAP}) as {@code CDO_ID BETWEEN ? AND ?},
 * the other ids as {@code CDO_ID IN (…)} lists of at most {@value BulkClassMapping#CHUNK}. The ids
 * of objects created together are consecutive (a commit numbers its new objects in order), so a
 * level of a tree — the values of a monitoring run — is mostly a few runs. A range reads its rows
 * through the primary key like an {@code IN} list, but the database neither parses hundreds of
 * parameters nor checks each row against the whole list (H2 2 does, linearly: a third of the bulk
 * read's time with lists of 500). Ranges hold at most {@value #RANGE_MAX} ids. A range can hold rows of objects not asked for (a gap): the
 * reader keeps only the ids asked for ({@link #wanted}).
 */
public final class IdRuns {

    public static final int MIN_RUN = 32;
    public static final int MAX_GAP = 8;
    /**
     * Ids per range at most: H2 keeps a result of up to about 40,000 rows per GB of heap in memory
     * and writes larger ones to a temporary file first (a tenth of the bulk read's time with one
     * range of 100,000 values).
     */
    public static final int RANGE_MAX = 10_000;

    /** One query's condition on the id column (with a table alias such as {@code "c."} or {@code ""}) and its parameters. */
    public interface Part {
        String condition(String alias);

        /** Binds the parameters from {@code column}; returns the next column. */
        int bind(PreparedStatement statement, IIDHandler ids, int column) throws SQLException;

        /** Whether the rows read may include ids not asked for. */
        boolean wide();
    }

    /** The ids from {@code from} to {@code to}, both included. */
    public record Range(long from, long to) implements Part {
        @Override
        public String condition(String alias) {
            return alias + IMappingConstants.ATTRIBUTES_ID + " BETWEEN ? AND ?";
        }

        @Override
        public int bind(PreparedStatement statement, IIDHandler ids, int column) throws SQLException {
            ids.setCDOID(statement, column++, CDOIDUtil.createLong(from));
            ids.setCDOID(statement, column++, CDOIDUtil.createLong(to));
            return column;
        }

        @Override
        public boolean wide() {
            return true;
        }
    }

    /** The ids listed. */
    public record In(List<CDOID> ids) implements Part {
        @Override
        public String condition(String alias) {
            return alias + IMappingConstants.ATTRIBUTES_ID + " IN (" + BulkClassMapping.placeholders(ids.size()) + ")";
        }

        @Override
        public int bind(PreparedStatement statement, IIDHandler handler, int column) throws SQLException {
            for (CDOID id : ids) {
                handler.setCDOID(statement, column++, id);
            }
            return column;
        }

        @Override
        public boolean wide() {
            return false;
        }
    }

    private IdRuns() {
    }

    /**
     * The ids asked for, to check the rows of the {@link Part#wide() wide} parts against (a range
     * reads the objects in its gaps too): {@code ids} as a set when one of {@code parts} is wide,
     * else empty (the rows of the other parts are all asked for, none needs checking).
     */
    static Set<CDOID> wanted(List<Part> parts, List<CDOID> ids) {
        for (Part part : parts) {
            if (part.wide()) {
                return new HashSet<>(ids);
            }
        }
        return Set.of();
    }

    /** The queries' conditions for {@code ids} (no duplicates); ranges only when the store's ids are plain numbers. */
    static List<Part> of(List<CDOID> ids, IIDHandler handler) {
        return of(ids, handler.getObjectIDTypes().size() == 1 && handler.getObjectIDTypes().contains(CDOID.ObjectType.LONG));
    }

    /** The queries' conditions for {@code ids} (no duplicates); ranges only if {@code numbers} (the ids are longs). */
    public static List<Part> of(List<CDOID> ids, boolean numbers) {
        List<Part> parts = new ArrayList<>();
        List<CDOID> rest = new ArrayList<>();
        long[] sorted = new long[ids.size()];
        int n = 0;
        for (CDOID id : ids) {
            if (numbers && id.getType() == CDOID.Type.OBJECT) {
                sorted[n++] = CDOIDUtil.getLong(id);
            } else {
                rest.add(id);
            }
        }
        Arrays.sort(sorted, 0, n);
        for (int start = 0; start < n;) {
            int end = start + 1;
            while (end < n && end - start < RANGE_MAX && sorted[end] - sorted[end - 1] <= MAX_GAP) {
                end++;
            }
            if (end - start >= MIN_RUN) {
                parts.add(new Range(sorted[start], sorted[end - 1]));
            } else {
                for (int i = start; i < end; i++) {
                    rest.add(CDOIDUtil.createLong(sorted[i]));
                }
            }
            start = end;
        }
        for (int from = 0; from < rest.size(); from += BulkClassMapping.CHUNK) {
            parts.add(new In(List.copyOf(rest.subList(from, Math.min(rest.size(), from + BulkClassMapping.CHUNK)))));
        }
        return parts;
    }
}
