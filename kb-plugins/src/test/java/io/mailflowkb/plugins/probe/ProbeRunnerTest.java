package io.mailflowkb.plugins.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailflowkb.model.InvalidInputException;
import io.mailflowkb.model.fact.ProbeResult;
import io.mailflowkb.model.spi.CollectingSink;
import io.mailflowkb.model.spi.FactCollector;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.model.spi.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ProbeRunnerTest {

    @Test
    void targetsRunConcurrentlyAndReportInTargetOrder() throws Exception {
        // slow first, fast last: completion order is the reverse of target order
        List<SmtpFixture> fixtures = new ArrayList<>();
        try {
            for (long delay : new long[] {900, 600, 300, 0}) {
                fixtures.add(new SmtpFixture(SmtpFixture.Mode.TLS, TestCertificates.Kind.GOOD,
                        new String[] {"TLSv1.3"}, delay));
            }
            List<Request> requests = fixtures.stream().map(f -> Request.forTarget(InputKind.PROBE, f.target(),
                    Map.of("versions", "TLSv1.3", "ehlo", "probe.kb.test"))).toList();
            CollectingSink sink = new CollectingSink(ProbeCollector.ID);
            long start = System.nanoTime();
            new ProbeRunner().run(requests, sink);
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.println("ProbeRunner: 4 targets (banner delays 900/600/300/0 ms) in " + ms + " ms");
            assertThat(ms).as("four targets on four threads take about the slowest one").isLessThan(900 + 600 + 300);
            assertThat(ProbeFixtures.results(sink)).extracting(ProbeResult::target)
                    .containsExactlyElementsOf(fixtures.stream().map(SmtpFixture::target).toList());
            assertThat(ProbeFixtures.results(sink)).extracting(ProbeResult::outcome).containsOnly("ok");
            assertThat(sink.inputs()).extracting(i -> i.source())
                    .containsExactlyElementsOf(fixtures.stream().map(f -> "probe:" + f.target()).toList());
        } finally {
            for (SmtpFixture f : fixtures) {
                f.close();
            }
        }
    }

    @Test
    void invalidTargetIsSkippedAndRethrownAfterTheOthers() throws Exception {
        try (SmtpFixture f = new SmtpFixture(SmtpFixture.Mode.NO_STARTTLS)) {
            CollectingSink sink = new CollectingSink(ProbeCollector.ID);
            List<Request> requests = List.of(Request.forTarget(InputKind.PROBE, "bad host:25", Map.of()),
                    Request.forTarget(InputKind.PROBE, f.target(), Map.of("versions", "TLSv1.2")));
            assertThatThrownBy(() -> new ProbeRunner().run(requests, sink)).isInstanceOf(InvalidInputException.class);
            assertThat(ProbeFixtures.results(sink)).extracting(ProbeResult::outcome).containsExactly("not-offered");
        }
    }

    @Test
    void registeredAsServiceForProbeInputs() {
        List<FactCollector> probes = ServiceLoader.load(FactCollector.class).stream().map(ServiceLoader.Provider::get)
                .filter(c -> c.id().equals("probe")).toList();
        assertThat(probes).hasSize(1);
        assertThat(probes.get(0).accepts()).containsExactly(InputKind.PROBE);
        assertThat(probes.get(0)).isInstanceOf(ProbeCollector.class);
    }
}
