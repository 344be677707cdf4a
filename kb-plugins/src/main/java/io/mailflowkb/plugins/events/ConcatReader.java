package io.mailflowkb.plugins.events;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/** Several readers one after the other (to put a synthetic root element around rootless XML). */
final class ConcatReader extends Reader {

    private final List<Reader> parts;
    private int current;

    ConcatReader(List<Reader> parts) {
        this.parts = parts;
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (current < parts.size()) {
            int n = parts.get(current).read(buf, off, len);
            if (n > 0) {
                return n;
            }
            current++;
        }
        return -1;
    }

    @Override
    public void close() throws IOException {
        for (Reader r : parts) {
            r.close();
        }
    }
}
