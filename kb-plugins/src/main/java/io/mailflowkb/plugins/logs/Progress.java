package io.mailflowkb.plugins.logs;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The "reading X: 412 MB of 1.0 GB" line on stderr, refreshed in place with {@code \r} at most every 500 ms.
 * Shown only when stderr is a terminal and the input is large, so piped and test runs stay clean; option
 * {@code progress=false} turns it off. Java cannot ask whether stderr alone is a terminal: the {@code kb} launcher
 * tells it with {@code -Dkb.stderr.tty=true|false}; without that, {@code System.console()} (stdin and stdout) decides.
 */
public final class Progress {

    static final long MIN_TOTAL = 64L * 1024 * 1024;
    static final long INTERVAL_NANOS = 500_000_000L;

    private final boolean enabled;
    private final PrintStream out;
    private final long total;
    private final LongSupplier done;
    private volatile String current = "";
    private long lastPrint;
    private boolean printed;

    private Progress(boolean enabled, PrintStream out, long total, LongSupplier done) {
        this.enabled = enabled;
        this.out = out;
        this.total = total;
        this.done = done;
        this.lastPrint = System.nanoTime();
    }

    public static Progress none() {
        return new Progress(false, null, 0, () -> 0);
    }

    public static Progress of(boolean wanted, long total, LongSupplier done) {
        boolean on = wanted && stderrIsTerminal() && total >= MIN_TOTAL;
        return new Progress(on, System.err, total, done);
    }

    public void file(String name) {
        current = name;
    }

    public synchronized void maybePrint() {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastPrint < INTERVAL_NANOS) {
            return;
        }
        lastPrint = now;
        printed = true;
        String name = current.length() > 50 ? "..." + current.substring(current.length() - 47) : current;
        out.print("\rreading " + name + ": " + size(done.getAsLong()) + " of " + size(total) + "   ");
        out.flush();
    }

    public synchronized void done() {
        if (enabled && printed) {
            out.print("\r" + " ".repeat(80) + "\r");
            out.flush();
        }
    }

    static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        return (bytes >> 20) + " MB";
    }

    private static boolean stderrIsTerminal() {
        String told = System.getProperty("kb.stderr.tty");
        return told != null ? Boolean.parseBoolean(told) : System.console() != null;
    }
}
