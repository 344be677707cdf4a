package io.mailflowkb.plugins.logs;

import io.mailflowkb.model.spi.FactSink;
import java.util.function.LongSupplier;

/**
 * How far a long {@code --logs} read has got, reported through {@link FactSink#progress} at most every 500 ms and
 * only when the input is large, so the sink is not called per line and small reads report nothing. Whether and
 * how it is shown (the CLI's "reading X: 412 MB of 1.0 GB" line on a terminal) is the sink's business. Option
 * {@code progress=false} turns it off. Shared by the reading threads of one request.
 */
final class Progress {

    static final long MIN_TOTAL = 64L * 1024 * 1024;
    static final long INTERVAL_NANOS = 500_000_000L;

    private final boolean enabled;
    private final FactSink sink;
    private final long total;
    private final LongSupplier done;
    private volatile String current = "";
    private long lastReport;

    private Progress(boolean enabled, FactSink sink, long total, LongSupplier done) {
        this.enabled = enabled;
        this.sink = sink;
        this.total = total;
        this.done = done;
        this.lastReport = System.nanoTime();
    }

    static Progress none() {
        return new Progress(false, null, 0, () -> 0);
    }

    /**
     * @param total the raw bytes of all files to read
     * @param done  the raw bytes read so far (over every reading thread)
     */
    static Progress of(boolean wanted, FactSink sink, long total, LongSupplier done) {
        return new Progress(wanted && total >= MIN_TOTAL, sink, total, done);
    }

    void file(String name) {
        current = name;
    }

    /** Reports when the last report is at least {@link #INTERVAL_NANOS} old; cheap otherwise. */
    synchronized void maybeReport() {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastReport < INTERVAL_NANOS) {
            return;
        }
        lastReport = now;
        sink.progress(current, done.getAsLong(), total);
    }
}
