package oko.core.io;

import java.io.IOException;
import java.io.Reader;

/**
 * A reader that ends with a line break even when the text it reads does not, so that a CSV
 * parser counts the last line like the others (the imports name files by line number).
 */
public final class NewlineAtEnd extends Reader {

    private final Reader in;
    private char last = '\n';
    private boolean ended;

    /**
     * @param in the text to read; closed with this reader
     */
    public NewlineAtEnd(Reader in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (ended) {
            return -1;
        }
        int read = in.read(buffer, offset, length);
        if (read > 0) {
            last = buffer[offset + read - 1];
            return read;
        }
        if (read == 0) {
            return 0;
        }
        ended = true;
        if (last != '\n') {
            buffer[offset] = '\n';
            return 1;
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
