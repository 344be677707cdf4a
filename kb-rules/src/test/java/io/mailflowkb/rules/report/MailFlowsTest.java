package io.mailflowkb.rules.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.fact.PeerClass;
import io.mailflowkb.model.fact.FlowDirection;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryKey;
import io.mailflowkb.model.fact.RegistryPaths;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.fact.Symptom;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.finding.Direction;
import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.model.finding.FlowLink;
import io.mailflowkb.rules.Diagnostician;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which findings a mail flow names as explaining its failure. Found in review: with sending explained by
 * tls12-client-disabled and receiving failing for no known reason, the outbound flow also named
 * unexplained-symptom, whose evidence is only the inbound failures (its hit holds the wrapped failure, whose
 * direction was not read, so it counted for both directions).
 */
class MailFlowsTest {

    static final Provenance REG = Provenance.of("schannel.reg", 10);

    static RegistryValue tls12(String role, String name, long value) {
        return RegistryValue.dword(RegistryPaths.SCHANNEL_PROTOCOLS + "\\TLS 1.2\\" + role, name, value, REG);
    }

    @Test
    void unexplainedInboundFailuresDoNotExplainTheOutboundFlow() {
        FactBundle.Builder b = FactBundle.builder();
        b.add(new RegistryKey(RegistryPaths.SCHANNEL, false, true, REG));
        b.add(tls12("Client", "Enabled", 0));
        b.add(tls12("Client", "DisabledByDefault", 1));
        b.add(tls12("Server", "Enabled", 1));
        b.add(tls12("Server", "DisabledByDefault", 0));
        b.add(new Symptom("socketerror-421", "421 4.4.2 Connection dropped due to SocketError", FlowDirection.OUTBOUND,
                PeerClass.EXCHANGE_ONLINE, null, 1, null, null, List.of(Provenance.of("queue.txt", 10))));
        b.add(new Symptom("tls-failed-socketerror", "TLS negotiation failed with error SocketError", FlowDirection.INBOUND,
                PeerClass.EXCHANGE_ONLINE, null, 3, null, null, List.of(Provenance.of("RECV.LOG", 12))));
        Diagnosis d = Diagnostician.load().diagnose(b.build());

        assertThat(d.findings()).extracting(Finding::id).contains("tls12-client-disabled", "unexplained-symptom");
        FlowLink out = flow(d, Direction.OUTBOUND);
        FlowLink in = flow(d, Direction.INBOUND);
        assertThat(out.state()).isEqualTo(FlowLink.State.FAILS);
        assertThat(out.explainedBy()).contains("tls12-client-disabled").doesNotContain("unexplained-symptom");
        assertThat(in.state()).isEqualTo(FlowLink.State.FAILS);
        assertThat(in.explainedBy()).contains("unexplained-symptom").doesNotContain("tls12-client-disabled");
    }

    /**
     * Found in review: TLS 1.2 Client off and Server on, with receive-log failures. schannel-client-server-mismatch
     * (filed under "both") was listed as explaining the inbound flow, although the role it finds unusable is the
     * Client, which only sending uses.
     */
    @Test
    void aRoleMismatchExplainsOnlyTheDirectionOfTheRoleThatCannotNegotiate() {
        FactBundle.Builder b = FactBundle.builder();
        b.add(new RegistryKey(RegistryPaths.SCHANNEL, false, true, REG));
        b.add(tls12("Client", "Enabled", 0));
        b.add(tls12("Client", "DisabledByDefault", 1));
        b.add(tls12("Server", "Enabled", 1));
        b.add(tls12("Server", "DisabledByDefault", 0));
        b.add(new Symptom("tls-failed-socketerror", "TLS negotiation failed with error SocketError", FlowDirection.INBOUND,
                PeerClass.EXCHANGE_ONLINE, null, 3, null, null, List.of(Provenance.of("RECV.LOG", 12))));
        Diagnosis d = Diagnostician.load().diagnose(b.build());

        assertThat(d.findings()).extracting(Finding::id).contains("schannel-client-server-mismatch");
        assertThat(flow(d, Direction.OUTBOUND).explainedBy()).contains("schannel-client-server-mismatch");
        assertThat(flow(d, Direction.INBOUND).state()).isEqualTo(FlowLink.State.FAILS);
        assertThat(flow(d, Direction.INBOUND).explainedBy()).doesNotContain("schannel-client-server-mismatch");
    }

    /** The mirror case: Server off, Client on, send-log failures: the mismatch explains receiving only. */
    @Test
    void aServerRoleMismatchExplainsOnlyTheInboundFlow() {
        FactBundle.Builder b = FactBundle.builder();
        b.add(new RegistryKey(RegistryPaths.SCHANNEL, false, true, REG));
        b.add(tls12("Client", "Enabled", 1));
        b.add(tls12("Client", "DisabledByDefault", 0));
        b.add(tls12("Server", "Enabled", 0));
        b.add(tls12("Server", "DisabledByDefault", 1));
        b.add(new Symptom("socketerror-421", "421 4.4.2 Connection dropped due to SocketError", FlowDirection.OUTBOUND,
                PeerClass.EXCHANGE_ONLINE, null, 1, null, null, List.of(Provenance.of("queue.txt", 10))));
        Diagnosis d = Diagnostician.load().diagnose(b.build());

        assertThat(d.findings()).extracting(Finding::id).contains("schannel-client-server-mismatch");
        assertThat(flow(d, Direction.INBOUND).explainedBy()).contains("schannel-client-server-mismatch");
        assertThat(flow(d, Direction.OUTBOUND).state()).isEqualTo(FlowLink.State.FAILS);
        assertThat(flow(d, Direction.OUTBOUND).explainedBy()).doesNotContain("schannel-client-server-mismatch");
    }

    static FlowLink flow(Diagnosis d, Direction direction) {
        return d.mailFlow().stream().filter(f -> f.peer().equals(FlowLink.EXCHANGE_ONLINE)
                && f.direction() == direction).findFirst().orElseThrow();
    }
}
