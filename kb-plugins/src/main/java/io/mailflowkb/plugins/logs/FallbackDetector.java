package io.mailflowkb.plugins.logs;

import io.mailflowkb.model.fact.Provenance;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the opportunistic-TLS fallback that Exchange Online then refuses (finding starttls-fallback-rejected): a send session to a
 * remote fails TLS, Exchange retries the same remote without STARTTLS (it does so when the connector does not
 * require TLS [S30]), and the remote answers {@code 451 5.7.3 ...} [S1][S34]. Pairs are made by time, not by file
 * order, so the result does not depend on how sessions interleave in the log. Bounded: at most
 * {@link #MAX_REMOTES} remotes are remembered; the oldest is settled and dropped when a new one arrives.
 */
public final class FallbackDetector {

    public static final String SYMPTOM_ID = "starttls-fallback-rejected";
    static final int MAX_REMOTES = 4_096;
    static final int MAX_REJECTIONS = 256;

    private record Rejection(String time, String text, String connector, String peerClass, Provenance where) {
    }

    private static final class Remote {
        String firstFailure;
        boolean failedWithoutTime;
        Provenance failureWhere;
        final List<Rejection> rejections = new ArrayList<>();
    }

    private final LinkedHashMap<String, Remote> remotes = new LinkedHashMap<>(64, 0.75f, true);
    private FactAggregator pendingTarget;

    /** A send session to {@code remote} failed TLS at {@code time}. */
    public void tlsFailed(String remote, String time, Provenance where) {
        Remote r = remote(remote);
        if (r == null) {
            return;
        }
        if (time == null) {
            r.failedWithoutTime = true;
        } else if (r.firstFailure == null || time.compareTo(r.firstFailure) < 0) {
            r.firstFailure = time;
            r.failureWhere = where;
        }
        if (r.failureWhere == null) {
            r.failureWhere = where;
        }
    }

    /** A send session to {@code remote} that never issued STARTTLS was answered {@code 451 5.7.3}. */
    public void plainRejected(String remote, String time, String text, String connector, String peerClass,
                              Provenance where) {
        Remote r = remote(remote);
        if (r != null && r.rejections.size() < MAX_REJECTIONS) {
            r.rejections.add(new Rejection(time, text, connector, peerClass, where));
        }
    }

    /** Takes over another detector's remotes (a file read on another thread), as if read after ours. */
    public void merge(FallbackDetector other) {
        for (Map.Entry<String, Remote> e : other.remotes.entrySet()) {
            Remote o = e.getValue();
            Remote r = remote(e.getKey());
            if (r == null) {
                continue;
            }
            r.failedWithoutTime |= o.failedWithoutTime;
            if (o.firstFailure != null && (r.firstFailure == null || o.firstFailure.compareTo(r.firstFailure) < 0)) {
                r.firstFailure = o.firstFailure;
                r.failureWhere = o.failureWhere;
            }
            if (r.failureWhere == null) {
                r.failureWhere = o.failureWhere;
            }
            for (Rejection j : o.rejections) {
                if (r.rejections.size() < MAX_REJECTIONS) {
                    r.rejections.add(j);
                }
            }
        }
    }

    /** Settles every remote into symptoms. */
    public void flush(FactAggregator aggregator) {
        for (Remote r : remotes.values()) {
            settle(r, aggregator);
        }
        remotes.clear();
    }

    /** Where settled remotes go when the map overflows (set by the first flush target). */
    void target(FactAggregator aggregator) {
        this.pendingTarget = aggregator;
    }

    private Remote remote(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        Remote r = remotes.get(key);
        if (r == null) {
            if (remotes.size() >= MAX_REMOTES && pendingTarget != null) {
                Iterator<Map.Entry<String, Remote>> it = remotes.entrySet().iterator();
                settle(it.next().getValue(), pendingTarget);
                it.remove();
            }
            r = new Remote();
            remotes.put(key, r);
        }
        return r;
    }

    private static void settle(Remote r, FactAggregator aggregator) {
        if (r.failureWhere == null) {
            return;
        }
        for (Rejection j : r.rejections) {
            boolean after = r.failedWithoutTime || j.time() == null || r.firstFailure == null
                    || j.time().compareTo(r.firstFailure) >= 0;
            if (after) {
                aggregator.symptom(new FactAggregator.SymptomKey(SYMPTOM_ID, "outbound", j.peerClass(),
                        j.connector()), j.time(), j.text(), List.of(r.failureWhere, j.where()));
            }
        }
    }
}
