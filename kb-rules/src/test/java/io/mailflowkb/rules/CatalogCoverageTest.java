package io.mailflowkb.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.rules.knowledge.CompiledFinding;
import io.mailflowkb.rules.knowledge.KnowledgeExample;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The shipped knowledge implements exactly the catalog of design.md section 4, each id proven by examples. */
class CatalogCoverageTest {

    static final Set<String> CATALOG = Set.of("tls12-client-disabled", "tls12-server-disabled",
            "schannel-client-server-mismatch", "starttls-fallback-rejected", "exchange-build-lacks-tls12",
            "windows-prerequisite-missing", "dotnet-strong-crypto-missing", "tls-certificate-problem",
            "cipher-suite-mismatch", "exo-root-untrusted", "tls13-unsupported-enabled", "smtp-auth-legacy-tls",
            "peer-legacy-tls-only", "starttls-not-offered", "legacy-tls-enabled", "legacy-peers-after-disable",
            // connectors, certificates and hybrid configuration (issue 13)
            "connector-tls-certificate-missing", "exo-send-connector-misconfigured", "smtp-certificate-expiring",
            "receive-connector-no-tls", "exo-inbound-connector-cert-mismatch", "exchange-out-of-date-throttled",
            // extension beyond design.md section 4 (info only): issue 6's report of values outside the 0/1 form
            "schannel-value-nonstandard",
            // issue 11: the invariant, probe verdicts, HealthChecker's "Half Disabled"
            "unexplained-symptom", "peer-unreachable", "schannel-half-disabled",
            // extension beyond design.md section 4 (warning): a working handshake with an untrusted certificate
            "peer-certificate-untrusted");

    @Test
    void everyCatalogIdHasTwoPositiveExamplesAndANearMiss() {
        Diagnostician kb = Diagnostician.load();
        Set<String> shipped = new TreeSet<>(kb.knowledge().findings().stream().map(CompiledFinding::id).toList());
        assertThat(shipped).isEqualTo(new TreeSet<>(CATALOG));
        List<String> gaps = new ArrayList<>();
        for (String id : new TreeSet<>(CATALOG)) {
            long positive = kb.knowledge().examples().stream().filter(e -> e.definition().expect().contains(id)).count();
            long negative = kb.knowledge().examples().stream().filter(e -> e.definition().expectAbsent().contains(id))
                    .map(KnowledgeExample::name).filter(n -> n.contains("near-miss") || n.contains("healthy")).count();
            System.out.printf("%-32s positive %2d, near-miss/healthy %2d%n", id, positive, negative);
            if (positive < 2 || negative < 1) {
                gaps.add(id + " (" + positive + " positive, " + negative + " near miss)");
            }
        }
        assertThat(gaps).isEmpty();
    }
}
