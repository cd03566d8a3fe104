package org.dynreg.synthetic;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Rows of one table in the text format of LOAD DATA (tab between fields, newline after a row, \N for
 * NULL), as bytes. Generated text is plain ASCII without tabs, newlines or backslashes, so nothing needs
 * escaping; {@link #text} refuses anything else rather than corrupting a row.
 */
final class Tsv {
    private byte[] bytes;
    private int size;
    private boolean rowStarted;

    Tsv(int capacity) {
        bytes = new byte[capacity];
    }

    Tsv text(String s) {
        separate();
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '\\') {
                throw new IllegalArgumentException("generated text holds a character LOAD DATA would need escaped: " + s);
            }
            bytes[size++] = (byte) c;
        }
        return this;
    }

    Tsv number(long n) {
        return text(Long.toString(n));
    }

    Tsv bool(boolean b) {
        return text(b ? "1" : "0");
    }

    Tsv nul() {
        separate();
        return raw("\\N");
    }

    private Tsv raw(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            bytes[size++] = (byte) s.charAt(i);
        }
        return this;
    }

    void endRow() {
        ensure(1);
        bytes[size++] = '\n';
        rowStarted = false;
    }

    private void separate() {
        if (rowStarted) {
            ensure(1);
            bytes[size++] = '\t';
        }
        rowStarted = true;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    int size() {
        return size;
    }

    InputStream stream() {
        return new ByteArrayInputStream(bytes, 0, size);
    }
}
