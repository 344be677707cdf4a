package io.mailflowkb.plugins.logs;

import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.knowledge.SymptomDefinition;
import io.mailflowkb.model.spi.FactSink;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the readers of one {@code --logs} request share: the symptom matcher, the aggregator (facts are counted
 * over all files), the fallback detector (a TLS failure in one file and the plain retry in the next), the sink,
 * the progress reports and the time limit. Also caps warnings per file so one broken log cannot flood the report.
 */
public final class ScanContext {

    static final int MAX_WARNINGS_PER_FILE = 20;

    /** Thrown out of a reader when the request's time limit has passed; the collector reports it. */
    public static final class TimeLimitReached extends RuntimeException {
        TimeLimitReached() {
            super("time limit reached", null, false, false);
        }
    }

    private final SymptomMatcher matcher;
    private final FactAggregator aggregator = new FactAggregator();
    private final FallbackDetector fallback = new FallbackDetector();
    private final FactSink sink;
    private final Progress progress;
    private final long deadlineNanos;
    private final Map<String, Integer> warnings = new HashMap<>();
    private int ticks;

    ScanContext(SymptomMatcher matcher, FactSink sink, Progress progress, long deadlineNanos) {
        this.matcher = matcher;
        this.sink = sink;
        this.progress = progress;
        this.deadlineNanos = deadlineNanos;
        fallback.target(aggregator);
    }

    public SymptomMatcher matcher() {
        return matcher;
    }

    public FactAggregator aggregator() {
        return aggregator;
    }

    public FallbackDetector fallback() {
        return fallback;
    }

    public FactSink sink() {
        return sink;
    }

    /** Names the file being read in progress reports. */
    public void progressFile(String name) {
        progress.file(name);
    }

    /** Called once per line: reports progress now and then and stops at the time limit. Cheap. */
    public void tick() {
        if ((++ticks & 0xFFF) == 0) {
            progress.maybeReport();
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new TimeLimitReached();
            }
        }
    }

    public void warn(String source, Integer line, String message) {
        int n = warnings.merge(source, 1, Integer::sum);
        if (n <= MAX_WARNINGS_PER_FILE) {
            sink.warning(source, line, message);
        } else if (n == MAX_WARNINGS_PER_FILE + 1) {
            sink.warning(source, null, "more warnings for this input suppressed");
        }
    }

    /**
     * Matches free text (a line, or the inner text of a queue error) against the knowledge and counts each hit.
     *
     * @param direction the flow the input implies, or {@code null} to use the symptom definition's
     * @param sampleText the text to show as the sample (usually the whole line)
     */
    public boolean symptoms(CharSequence matchText, String sampleText, String direction, String peerClass,
                            String connector, String time, Provenance where) {
        List<SymptomDefinition> hits = matcher.match(matchText);
        record(hits, sampleText, direction, peerClass, connector, time, where);
        return !hits.isEmpty();
    }

    /** As {@link #symptoms(CharSequence, String, String, String, String, String, Provenance)}, building the
     * provenance only on a hit (most lines show nothing). */
    public boolean symptoms(CharSequence matchText, String sampleText, String direction, String peerClass,
                            String connector, String time, String source, int line) {
        List<SymptomDefinition> hits = matcher.match(matchText);
        if (hits.isEmpty()) {
            return false;
        }
        record(hits, sampleText, direction, peerClass, connector, time, Provenance.of(source, line));
        return true;
    }

    private void record(List<SymptomDefinition> hits, String sampleText, String direction, String peerClass,
                        String connector, String time, Provenance where) {
        if (hits.isEmpty()) {
            return;
        }
        // each sample carries its own text: the aggregate's text is only the first one seen
        Provenance sample = where.detail() != null || sampleText == null ? where
                : new Provenance(where.source(), where.line(), Tally.truncate(sampleText));
        for (SymptomDefinition d : hits) {
            String dir = direction != null ? direction : d.direction();
            aggregator.symptom(new FactAggregator.SymptomKey(d.id(), dir == null ? "unknown" : dir,
                    peerClass == null ? ExoEndpoints.UNKNOWN : peerClass, connector), time, sampleText,
                    List.of(sample));
        }
    }

    /** Adds what another context (one file read on a worker thread) found; call in file order. */
    public void merge(ScanContext other) {
        aggregator.merge(other.aggregator);
        fallback.merge(other.fallback);
    }

    /** Emits everything aggregated so far. */
    public void finish(String source) {
        fallback.flush(aggregator);
        aggregator.flush(sink, source);
    }
}
