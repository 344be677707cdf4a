package io.mailflowkb.model.spi;

import io.mailflowkb.model.fact.Fact;

/**
 * Where a collector sends what it finds, as it finds it (so a 1 GB log streams through). Implemented by the
 * engine; thread-safe, so a collector may emit from several threads.
 */
public interface FactSink {

    /** A fact; its provenance names the input (file) it came from. */
    void fact(Fact fact);

    /**
     * Something in an input was skipped or doubtful but the run goes on.
     *
     * @param source  the input (file) as named in provenance
     * @param line    1-based line, or {@code null}
     * @param message what was wrong, quoting the text where useful (one line)
     */
    void warning(String source, Integer line, String message);

    /** An input (for example one file of a folder) was read, even if it gave no facts. */
    void read(String source, String collectorId);

    /** An input was not used at all, with the reason (e.g. "not a log: binary content"). */
    void skipped(String source, String reason);

    /**
     * How far a long read has got, for a progress line: {@code bytesDone} of {@code bytesTotal} raw bytes, while
     * reading {@code current} (an input as named in provenance). A collector reports now and then, never per line
     * (the logs collector: at most every half second, and only for inputs of 64 MiB or more), and may report from
     * several threads. Showing it, and clearing it when the collection ends, is the caller's business; the
     * default ignores it.
     */
    default void progress(String current, long bytesDone, long bytesTotal) {
    }
}
