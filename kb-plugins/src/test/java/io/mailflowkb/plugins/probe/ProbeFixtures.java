package io.mailflowkb.plugins.probe;

import io.mailflowkb.model.fact.Fact;
import io.mailflowkb.model.fact.ProbeCertificate;
import io.mailflowkb.model.fact.ProbeResult;
import io.mailflowkb.model.spi.CollectingSink;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.model.spi.Request;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Helpers shared by the probe tests: run the collector, pick results out of the sink. */
final class ProbeFixtures {

    private ProbeFixtures() {
    }

    static CollectingSink probe(String target, Map<String, String> options) {
        return probe(target, options, null, null);
    }

    static CollectingSink probe(String target, Map<String, String> options, Clock clock, Duration limit) {
        Map<String, String> o = new HashMap<>(Map.of("ehlo", "probe.kb.test"));
        o.putAll(options);
        CollectingSink sink = new CollectingSink(ProbeCollector.ID);
        new ProbeCollector().collect(new Request(InputKind.PROBE, null, target, target, o, null, clock, limit), sink);
        return sink;
    }

    static List<ProbeResult> results(CollectingSink sink) {
        return sink.facts().stream().filter(ProbeResult.class::isInstance).map(ProbeResult.class::cast).toList();
    }

    static ProbeResult result(CollectingSink sink, String tlsVersion) {
        return results(sink).stream().filter(r -> r.tlsVersion().equals(tlsVersion)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + tlsVersion + " in " + describe(sink)));
    }

    static ProbeCertificate certificate(CollectingSink sink) {
        return sink.facts().stream().filter(ProbeCertificate.class::isInstance).map(ProbeCertificate.class::cast)
                .findFirst().orElse(null);
    }

    static String describe(CollectingSink sink) {
        StringBuilder b = new StringBuilder();
        for (Fact f : sink.facts()) {
            b.append('\n').append(f.describe());
        }
        return b.toString();
    }
}
