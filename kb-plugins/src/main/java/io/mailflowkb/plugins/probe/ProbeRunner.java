package io.mailflowkb.plugins.probe;

import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.spi.CollectionRequest;
import io.mailflowkb.model.spi.FactCollector;
import io.mailflowkb.model.spi.FactSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Probes several targets concurrently on a bounded pool (at most {@value #MAX_PARALLEL}) and hands everything to
 * the sink in target order, so the output does not depend on which peer answered first.
 */
public final class ProbeRunner {

    public static final int MAX_PARALLEL = 4;

    private final FactCollector collector;

    public ProbeRunner() {
        this(new ProbeCollector());
    }

    public ProbeRunner(FactCollector collector) {
        this.collector = collector;
    }

    /**
     * Runs every request (each respects its own time limit) and replays facts, warnings and reads in request order.
     * A target that cannot be probed at all (invalid target) is marked skipped; the first such exception is rethrown
     * after everything else has been delivered.
     */
    public void run(List<? extends CollectionRequest> requests, FactSink sink) throws IOException {
        if (requests.isEmpty()) {
            return;
        }
        // the first collect() may have to re-enable TLS 1.0/1.1 before any JSSE use: do it before the pool starts
        if (requests.stream().anyMatch(ProbeRunner::wantsLegacy)) {
            LegacyTlsSupport.enable();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(MAX_PARALLEL, requests.size()), r -> {
            Thread t = new Thread(r, "probe-runner");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Recorded>> futures = new ArrayList<>();
            for (CollectionRequest r : requests) {
                futures.add(pool.submit(() -> {
                    Recorded rec = new Recorded();
                    try {
                        collector.collect(r, rec);
                    } catch (Exception | Error e) {
                        rec.failure = e;
                    }
                    return rec;
                }));
            }
            Throwable first = null;
            for (int i = 0; i < futures.size(); i++) {
                Recorded rec = futures.get(i).get();
                rec.events.forEach(e -> e.accept(sink));
                if (rec.failure != null) {
                    sink.skipped(requests.get(i).displayName(), String.valueOf(rec.failure.getMessage()));
                    first = first == null ? rec.failure : first;
                }
            }
            rethrow(first);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("probe interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("probe failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean wantsLegacy(CollectionRequest r) {
        try {
            return ProbeOptions.versions(r.options().get("versions"), r.displayName()).stream()
                    .anyMatch(LegacyTlsSupport::isLegacy);
        } catch (RuntimeException e) {
            return false; // reported by the collector itself
        }
    }

    private static void rethrow(Throwable t) throws IOException {
        if (t == null) {
            return;
        }
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
        throw new IOException(t);
    }

    /** Everything one collector run sent, in order, to be replayed into the real sink. */
    private static final class Recorded implements FactSink {
        final List<Consumer<FactSink>> events = new ArrayList<>();
        Throwable failure;

        @Override
        public void fact(Fact fact) {
            events.add(s -> s.fact(fact));
        }

        @Override
        public void warning(String source, Integer line, String message) {
            events.add(s -> s.warning(source, line, message));
        }

        @Override
        public void read(String source, String collectorId) {
            events.add(s -> s.read(source, collectorId));
        }

        @Override
        public void skipped(String source, String reason) {
            events.add(s -> s.skipped(source, reason));
        }
    }
}
