package io.mailflowkb.cli.input;

import io.mailflowkb.model.spi.CollectingSink;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The "reading X: 412 MB of 1.0 GB" line on stderr while a collector reads a large input, refreshed in place with
 * {@code \r} from the collectors' {@link io.mailflowkb.model.spi.FactSink#progress progress} reports and cleared
 * when the collection ends. Shown only when stderr is a terminal, so piped and test runs stay clean. Java cannot
 * ask whether stderr alone is a terminal: the {@code kb} launcher tells it with {@code -Dkb.stderr.tty=true|false};
 * without that, {@code System.console()} (stdin and stdout) decides.
 */
final class ProgressLine implements CollectingSink.ProgressListener {

    private static final int WIDTH = 80;

    private final PrintStream out;
    private boolean printed;

    ProgressLine(PrintStream out) {
        this.out = out;
    }

    /** A line on stderr when it is a terminal, else {@code null} (no listener: reports are dropped). */
    static ProgressLine onTerminal() {
        String told = System.getProperty("kb.stderr.tty");
        boolean terminal = told != null ? Boolean.parseBoolean(told) : System.console() != null;
        return terminal ? new ProgressLine(System.err) : null;
    }

    @Override
    public synchronized void progress(String current, long bytesDone, long bytesTotal) {
        String name = current == null ? "" : current;
        name = name.length() > 50 ? "..." + name.substring(name.length() - 47) : name;
        out.print("\rreading " + name + ": " + size(bytesDone) + " of " + size(bytesTotal) + "   ");
        out.flush();
        printed = true;
    }

    /** Blanks the line if anything was shown, so what follows starts on a clean line. */
    synchronized void clear() {
        if (printed) {
            out.print("\r" + " ".repeat(WIDTH) + "\r");
            out.flush();
            printed = false;
        }
    }

    static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        return (bytes >> 20) + " MB";
    }
}
