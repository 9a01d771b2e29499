package oko.repository.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.net4j.db.DBException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * The rows of one {@code INSERT INTO table(columns) VALUES (?, …)} of a commit, sent to PostgreSQL
 * with {@code COPY table(columns) FROM STDIN} (text format) instead of batched inserts: the same
 * rows into the same columns, on the commit's connection and inside its transaction, so a failed
 * commit's rollback takes them back as it takes back inserts.
 * <p>
 * The callers bind each row on {@link #statement()} with the usual {@code setXxx} calls (CDO's type
 * mappings and id handler do, unchanged); the statement is a stand-in that records the values, and
 * {@link #add()} encodes the row. Values that the text format is not used for here (byte arrays,
 * dates, streams, anything but strings, numbers and booleans) make their row go through a real
 * prepared statement and its batch instead, as before; other calls on the stand-in go to that
 * statement too.
 */
final class CopyRows {

    /** Bytes of encoded rows sent in one {@code COPY}. */
    static final int BYTES = 1 << 20;

    private static final byte[] NULL = { '\\', 'N' };

    private final Connection connection;
    private final CopyManager copy;
    private final String insert;
    private final String copySql;
    private final Object[] values;
    private final List<Object[]> calls = new ArrayList<>();
    private final PreparedStatement statement;
    private PreparedStatement real;
    private int realRows;
    private byte[] buffer = new byte[8_192];
    private int length;
    private int rows;

    private CopyRows(Connection connection, CopyManager copy, String insert, String target, int parameters) {
        this.connection = connection;
        this.copy = copy;
        this.insert = insert;
        this.copySql = "COPY " + target + " FROM STDIN";
        this.values = new Object[parameters];
        this.statement = (PreparedStatement) Proxy.newProxyInstance(CopyRows.class.getClassLoader(),
                new Class<?>[] { PreparedStatement.class }, new Recorder());
    }

    /**
     * Rows of {@code insert} to be copied with {@code copy} (the {@link #copyManager} of
     * {@code connection}), or null when the statement is not a plain
     * {@code INSERT INTO t(c, …) VALUES (?, …)}.
     */
    static CopyRows of(Connection connection, CopyManager copy, String insert) {
        if (!insert.startsWith("INSERT INTO ")) {
            return null;
        }
        int values = insert.indexOf(") VALUES (");
        if (values < 0 || !insert.endsWith(")") || insert.indexOf('(') > values) {
            return null;
        }
        String target = insert.substring("INSERT INTO ".length(), values + 1);
        String parameters = insert.substring(values + ") VALUES (".length(), insert.length() - 1);
        int count = 0;
        for (String parameter : parameters.split(",")) {
            if (!parameter.strip().equals("?")) {
                return null; // a literal or an expression: not this plain shape
            }
            count++;
        }
        return new CopyRows(connection, copy, insert, target, count);
    }

    /** PostgreSQL's copy API of {@code connection}, or null for another database. */
    static CopyManager copyManager(Connection connection) {
        try {
            if (connection.isWrapperFor(PGConnection.class)) {
                return connection.unwrap(PGConnection.class).getCopyAPI();
            }
        } catch (SQLException | LinkageError e) {
            // not PostgreSQL's driver (or an older one without the copy API): batched inserts
        }
        return null;
    }

    /** The stand-in statement to bind a row on. */
    PreparedStatement statement() {
        return statement;
    }

    /** Whether enough is queued to send it. */
    boolean full() {
        return length >= BYTES || realRows >= Batches.ROWS;
    }

    /** Queues the row bound on the stand-in since the last call. */
    void add() {
        if (!encode()) {
            addToRealBatch();
        }
        Arrays.fill(values, null);
        calls.clear();
    }

    /** Sends the queued rows and checks that each became one row; the number of rows copied. */
    int send() {
        int copied = rows;
        if (copied > 0) {
            rows = 0;
            int bytes = length;
            length = 0;
            CopyIn in = null;
            try {
                in = copy.copyIn(copySql);
                in.writeToCopy(buffer, 0, bytes);
                long written = in.endCopy();
                if (written != copied) {
                    throw new DBException("COPY wrote " + written + " rows instead of " + copied + ": " + copySql);
                }
            } catch (SQLException e) {
                cancel(in);
                throw new DBException(e, copySql);
            }
            if (buffer.length > BYTES * 2) {
                buffer = new byte[8_192];
            }
        }
        if (realRows > 0) {
            int expected = realRows;
            realRows = 0;
            Batches.executeBatch(real, expected, insert);
        }
        return copied;
    }

    /** Closes the real statement, if one was prepared; rows still queued are dropped. */
    void close() {
        rows = 0;
        length = 0;
        realRows = 0;
        if (real != null) {
            try {
                real.close();
            } catch (SQLException e) {
                // the connection is going back to the pool; nothing depends on this statement
            }
            real = null;
        }
    }

    private static void cancel(CopyIn in) {
        if (in != null && in.isActive()) {
            try {
                in.cancelCopy();
            } catch (SQLException e) {
                // the transaction fails anyway and is rolled back
            }
        }
    }

    /** Appends the bound row in COPY's text format; false (and nothing appended) if a value does not fit it. */
    private boolean encode() {
        int start = length;
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                append((byte) '\t');
            }
            Object value = values[i];
            if (value == null) {
                append(NULL);
            } else if (value instanceof String text) {
                appendEscaped(text);
            } else if (value instanceof Boolean flag) {
                append((byte) (flag ? 't' : 'f'));
            } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                    || value instanceof Byte || value instanceof BigInteger || value instanceof Double
                    || value instanceof Float) {
                // Double.toString round-trips and PostgreSQL reads its forms (1.0E-5, NaN, Infinity)
                appendAscii(value.toString());
            } else if (value instanceof BigDecimal decimal) {
                appendAscii(decimal.toPlainString());
            } else {
                length = start;
                return false;
            }
        }
        append((byte) '\n');
        rows++;
        return true;
    }

    private void appendEscaped(String text) {
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = switch (c) {
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> null;
            };
            if (escape != null) {
                append(text.substring(from, i).getBytes(StandardCharsets.UTF_8));
                appendAscii(escape);
                from = i + 1;
            }
        }
        append((from == 0 ? text : text.substring(from)).getBytes(StandardCharsets.UTF_8));
    }

    private void appendAscii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            buffer[length++] = (byte) text.charAt(i);
        }
    }

    private void append(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void append(byte b) {
        ensure(1);
        buffer[length++] = b;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }

    /** Binds the recorded calls on the real statement and adds them to its batch. */
    private void addToRealBatch() {
        PreparedStatement target = real();
        try {
            for (Object[] call : calls) {
                ((Method) call[0]).invoke(target, (Object[]) call[1]);
            }
            target.addBatch();
        } catch (InvocationTargetException e) {
            throw new DBException(e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getCause()),
                    insert);
        } catch (IllegalAccessException | SQLException e) {
            throw new DBException(e instanceof SQLException sql ? sql : new SQLException(e), insert);
        }
        realRows++;
    }

    private PreparedStatement real() {
        if (real == null) {
            try {
                real = connection.prepareStatement(insert);
            } catch (SQLException e) {
                throw new DBException(e, insert);
            }
        }
        return real;
    }

    /** Records {@code setXxx(index, value, …)} calls; anything else goes to the real statement. */
    private final class Recorder implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index
                    && index >= 1 && index <= values.length) {
                calls.add(new Object[] { method, args });
                values[index - 1] = name.equals("setNull") ? null : args[1];
                return null;
            }
            switch (name) {
            case "clearParameters":
                Arrays.fill(values, null);
                calls.clear();
                return null;
            case "close":
                return null;
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            case "toString":
                return "COPY stand-in for " + insert;
            default:
                try {
                    return method.invoke(real(), args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
    }
}
