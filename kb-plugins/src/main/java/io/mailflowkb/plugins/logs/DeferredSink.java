package io.mailflowkb.plugins.logs;

import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.spi.FactSink;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Holds what one file's reader reports (read, skipped, warnings) while it runs on a worker thread, so the calls
 * reach the real sink in file order and the input list is the same however the threads were scheduled.
 * Small: facts are not sent per file (they are aggregated) and warnings are capped per file. Progress reports
 * do not pass through here: they go straight to the request's sink ({@link Progress}).
 */
final class DeferredSink implements FactSink {

    private final List<Consumer<FactSink>> calls = new ArrayList<>();

    @Override
    public synchronized void fact(Fact fact) {
        calls.add(s -> s.fact(fact));
    }

    @Override
    public synchronized void warning(String source, Integer line, String message) {
        calls.add(s -> s.warning(source, line, message));
    }

    @Override
    public synchronized void read(String source, String collectorId) {
        calls.add(s -> s.read(source, collectorId));
    }

    @Override
    public synchronized void skipped(String source, String reason) {
        calls.add(s -> s.skipped(source, reason));
    }

    synchronized void replay(FactSink target) {
        calls.forEach(c -> c.accept(target));
        calls.clear();
    }
}
