package org.samenkracht.operations;

import org.postgresql.copy.CopyIn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.function.LongConsumer;

/**
 * Writes rows in PostgreSQL's COPY text format into an open COPY, in chunks of about a megabyte.
 * Values: {@code null} is NULL; strings are escaped; collections become text arrays; everything
 * else is written with {@code toString()} (UUIDs, numbers, dates, booleans).
 */
public final class CopyRows {

    private static final int CHUNK = 1 << 20;

    private final CopyIn copy;
    private final LongConsumer progress;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 8192);
    private long rows;

    public CopyRows(CopyIn copy, LongConsumer progress) {
        this.copy = copy;
        this.progress = progress;
    }

    public void row(Object... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append('\t');
            }
            append(values[i]);
        }
        buffer.append('\n');
        rows++;
        if (buffer.length() >= CHUNK) {
            flush();
            progress.accept(rows);
        }
    }

    public long rows() {
        return rows;
    }

    /** Sends what is buffered. */
    public void flush() throws IOException {
        if (buffer.isEmpty()) {
            return;
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        try {
            copy.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IOException("COPY failed: " + e.getMessage(), e);
        }
    }

    private void append(Object v) {
        if (v == null) {
            buffer.append("\\N");
        } else if (v instanceof String s) {
            escape(s);
        } else if (v instanceof Collection<?> c) {
            buffer.append('{');
            boolean first = true;
            for (Object e : c) {
                if (!first) {
                    buffer.append(',');
                }
                first = false;
                escape('"' + e.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"');
            }
            buffer.append('}');
        } else if (v instanceof Instant t) {
            buffer.append(t).append("");
        } else {
            buffer.append(v);
        }
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }
}
