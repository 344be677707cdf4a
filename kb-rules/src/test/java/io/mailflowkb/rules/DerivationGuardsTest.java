package io.mailflowkb.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.bundle.BundleCodec;
import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.rules.derive.ConnectorCertificate;
import io.mailflowkb.rules.derive.PeerTls;
import io.mailflowkb.rules.derive.ProtocolMismatch;
import io.mailflowkb.rules.derive.ProtocolState;
import io.mailflowkb.rules.explain.Firing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The derivation rules that fired on every run with nothing to insert now fire exactly when their Java derivation
 * has something to insert, so the session holds the same facts as before and only empty firings left the trace:
 * "connector TlsCertificateName against the server's certificates" (no send or receive connector), "TLS versions a
 * probed peer completes" (no probe) and "client and server role of a TLS version differ" (a version whose roles
 * agree). Counted per bundle against the derivations run by hand over the bundle's facts, on seeded random
 * bundles of {@link GeneratedBundlesTest} and every bundle file shipped in knowledge/ (connectors, probes, Exchange
 * Online connectors among them).
 */
class DerivationGuardsTest {

    static final String CONNECTORS = "connector TlsCertificateName against the server's certificates";
    static final String PROBES = "TLS versions a probed peer completes";
    static final String MISMATCH = "client and server role of a TLS version differ";

    static Diagnostician kb;

    @BeforeAll
    static void load() {
        kb = Diagnostician.load();
    }

    static List<FactBundle> shippedBundleFiles() throws IOException {
        List<FactBundle> out = new ArrayList<>();
        Path root = Path.of(System.getProperty("kb.knowledge.dir", "../knowledge"), "tls-deprecation", "findings");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("finding.yaml")).sorted()
                    .toList()) {
                if (Files.readString(p).contains("schemaVersion:")) {
                    out.add(BundleCodec.read(p));
                }
            }
        }
        return out;
    }

    @Test
    void shippedBundleFilesFireTheGuardedRulesExactlyWhenTheyDeriveSomething() throws IOException {
        List<FactBundle> bundles = shippedBundleFiles();
        assertThat(bundles).hasSizeGreaterThan(30);
        int connectors = 0;
        int probes = 0;
        for (FactBundle b : bundles) {
            connectors += firesAsTheirDerivations(b)[0];
            probes += firesAsTheirDerivations(b)[1];
        }
        assertThat(connectors).as("bundles whose connector rule fired").isPositive();
        assertThat(probes).as("bundles whose probe rule fired").isPositive();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {20260101L, 7L, 424242L, 99L})
    void generatedBundlesFireTheGuardedRulesExactlyWhenTheyDeriveSomething(long seed) {
        Random random = new Random(seed);
        int mismatches = 0;
        for (int i = 0; i < 300; i++) {
            mismatches += firesAsTheirDerivations(GeneratedBundlesTest.Case.random(random).bundle())[2];
        }
        assertThat(mismatches).as("seed %d: mismatch firings", seed).isPositive();
    }

    /** Asserts the three rules' firings against their derivations; returns each rule's number of firings. */
    static int[] firesAsTheirDerivations(FactBundle b) {
        List<String> fired = kb.explain(b).trace().fired().stream().map(Firing::rule).toList();
        int connectors = count(fired, CONNECTORS);
        int probes = count(fired, PROBES);
        int mismatch = count(fired, MISMATCH);
        boolean connectorFacts = !ConnectorCertificate.derive(b.sendConnectors(), b.receiveConnectors(),
                b.exchangeCertificates(), b.hybridConfigurations()).isEmpty();
        assertThat(connectors).as("connector rule on %s", b.inputs()).isEqualTo(connectorFacts ? 1 : 0);
        assertThat(probes).as("probe rule on %s", b.inputs()).isEqualTo(PeerTls.derive(b.probes()).isEmpty() ? 0 : 1);
        List<ProtocolState> states = ProtocolState.deriveAll(b.registryValues(), b.registryKeys(),
                b.host() == null ? HostProfile.UNKNOWN : b.host(), kb.knowledge().windowsReleases());
        int pairs = 0;
        for (ProtocolState c : states) {
            for (ProtocolState s : states) {
                if (c.role().equals("client") && s.role().equals("server") && c.protocol().equals(s.protocol())
                        && !ProtocolMismatch.compare(c, s).isEmpty()) {
                    pairs++;
                }
            }
        }
        assertThat(mismatch).as("mismatch rule on %s", b.registryValues()).isEqualTo(pairs);
        return new int[] {connectors, probes, mismatch};
    }

    private static int count(List<String> fired, String rule) {
        return (int) fired.stream().filter(rule::equals).count();
    }
}
