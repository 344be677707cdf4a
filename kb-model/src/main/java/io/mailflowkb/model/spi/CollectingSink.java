package io.mailflowkb.model.spi;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.finding.InputSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link FactSink} that keeps everything in memory and turns it into a {@link FactBundle}: facts in arrival
 * order, and one {@link InputSummary} per input in the order inputs were first mentioned. Thread-safe.
 */
public final class CollectingSink implements FactSink {

    private final List<Fact> facts = new ArrayList<>();
    private final Map<String, Summary> inputs = new LinkedHashMap<>();
    private final String defaultCollector;
    private final ProgressListener progress;

    /** Where a {@link CollectingSink} passes {@link FactSink#progress} on to (a progress line on a terminal). */
    @FunctionalInterface
    public interface ProgressListener {
        void progress(String current, long bytesDone, long bytesTotal);
    }

    /** @param defaultCollector the collector id recorded for inputs that only appear through facts or warnings */
    public CollectingSink(String defaultCollector) {
        this(defaultCollector, null);
    }

    /** As {@link #CollectingSink(String)}, passing progress reports on to {@code progress} (may be null). */
    public CollectingSink(String defaultCollector, ProgressListener progress) {
        this.defaultCollector = defaultCollector;
        this.progress = progress;
    }

    @Override
    public synchronized void fact(Fact fact) {
        facts.add(fact);
        summary(fact.source().source(), null).facts++;
    }

    @Override
    public synchronized void warning(String source, Integer line, String message) {
        String where = line == null ? "" : "line " + line + ": ";
        summary(source, null).warnings.add(where + message);
    }

    @Override
    public synchronized void read(String source, String collectorId) {
        summary(source, collectorId);
    }

    @Override
    public synchronized void skipped(String source, String reason) {
        summary(source, null).skipped = reason;
    }

    /** Not synchronized: progress is not kept, and the listener may be slow (a terminal). */
    @Override
    public void progress(String current, long bytesDone, long bytesTotal) {
        if (progress != null) {
            progress.progress(current, bytesDone, bytesTotal);
        }
    }

    /** Records what an input is, as content detection named it ({@code registry export}); not part of the SPI. */
    public synchronized void kind(String source, String kind) {
        summary(source, null).kind = kind;
    }

    public synchronized List<Fact> facts() {
        return List.copyOf(facts);
    }

    public synchronized List<InputSummary> inputs() {
        return inputs.entrySet().stream()
                .map(e -> new InputSummary(e.getKey(), e.getValue().collector, e.getValue().facts,
                        e.getValue().warnings, e.getValue().skipped, e.getValue().kind))
                .toList();
    }

    /** All warnings of all inputs, each prefixed with its input, for callers that just print them. */
    public synchronized List<String> warnings() {
        List<String> all = new ArrayList<>();
        inputs.forEach((source, s) -> s.warnings.forEach(w -> all.add(source + ": " + w)));
        return all;
    }

    public synchronized FactBundle toBundle() {
        return FactBundle.of(facts, inputs());
    }

    private Summary summary(String source, String collector) {
        Summary s = inputs.computeIfAbsent(source, k -> new Summary(collector == null ? defaultCollector : collector));
        if (collector != null) {
            s.collector = collector;
        }
        return s;
    }

    private static final class Summary {
        String collector;
        int facts;
        final List<String> warnings = new ArrayList<>();
        String skipped;
        String kind;

        Summary(String collector) {
            this.collector = collector;
        }
    }
}
