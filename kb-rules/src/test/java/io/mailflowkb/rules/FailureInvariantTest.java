package io.mailflowkb.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.fact.TlsResult;
import io.mailflowkb.model.fact.PeerClass;
import io.mailflowkb.model.fact.FlowDirection;
import io.mailflowkb.model.fact.EventRecord;
import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.ProbeResult;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryKey;
import io.mailflowkb.model.fact.RegistryPaths;
import io.mailflowkb.model.fact.Symptom;
import io.mailflowkb.model.fact.TlsOutcome;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.model.knowledge.SymptomDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The invariant of issue 11 over generated bundles: whenever the inputs hold a failure (every symptom the shipped
 * knowledge marks {@code failure}, failed TLS negotiations, SChannel alert and error events, probes without an
 * answer), the diagnosis has a finding at warning or above (exit 1), and every failure is cited as evidence by
 * such a finding - an explaining one, or unexplained-symptom. Each generated failure has its own source line, so
 * "cited" is checked by where the evidence says it was seen, not by the engine's own bookkeeping.
 */
class FailureInvariantTest {

    static final int BUNDLES_PER_SYMPTOM = 60;
    static final String[] DIRECTIONS = {"outbound", "inbound", "unknown"};
    static final String[] PEERS = {"exchange-online", "other", "unknown"};
    static final String[] ERRORS = {"SocketError", "UnknownCredentials", "NoCredentials", "IllegalMessage", null};
    static final int[] SCHANNEL_EVENTS = {36870, 36871, 36872, 36873, 36874, 36876, 36877, 36881, 36882, 36883,
            36884, 36886, 36887, 36888};
    static final String[] ALERTS = {"70", "40", "48", "42", "80"};
    static final String[] PROBE_FAILURES = {"timeout", "connect-failed", "reset", "refused", "error", "starttls-rejected"};
    static final Object[][] HOSTS = {{"Windows Server 2012 R2 Standard", 9600, "15.1.2507.6"},
            {"Windows Server 2019 Standard", 17763, "15.2.1544.4"}, {"Windows Server 2022 Standard", 20348, "15.2.1118.7"},
            {null, null, null}};

    static Diagnostician kb;
    static List<SymptomDefinition> failures;

    @BeforeAll
    static void load() {
        kb = Diagnostician.load();
        failures = kb.symptoms().stream().filter(SymptomDefinition::isFailure).toList();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11L, 20260311L, 987654321L})
    void everyFailureIsCitedAndTheRunIsNeverHealthy(long seed) {
        assertThat(failures).as("the shipped knowledge marks failure symptoms").hasSizeGreaterThan(10);
        Random random = new Random(seed);
        List<String> problems = new ArrayList<>();
        for (SymptomDefinition def : failures) {
            for (int i = 0; i < BUNDLES_PER_SYMPTOM && problems.size() < 5; i++) {
                Generated g = generate(random, def.id(), i);
                Diagnosis d = kb.diagnose(g.bundle());
                Set<String> cited = new TreeSet<>();
                for (Finding f : d.findings()) {
                    if (f.severity().failsRun()) {
                        f.evidence().forEach(e -> cited.add(e.source()));
                    }
                }
                if (!d.hasProblems()) {
                    problems.add(def.id() + " bundle " + i + ": no finding at warning or above; " + g.failures());
                } else if (!cited.containsAll(g.failures().keySet())) {
                    Set<String> missing = new TreeSet<>(g.failures().keySet());
                    missing.removeAll(cited);
                    List<String> what = missing.stream().map(m -> m + " " + g.failures().get(m)).toList();
                    problems.add(def.id() + " bundle " + i + ": not cited " + what + "; findings "
                            + d.findings().stream().map(Finding::id).toList());
                }
            }
        }
        assertThat(problems).as("seed %d", seed).isEmpty();
    }

    /** The same for bundles with no symptom at all: only failed TLS sessions, Schannel events and probes. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5L, 77L})
    void failuresWithoutAnySymptomAreCitedToo(long seed) {
        Random random = new Random(seed);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < 400 && problems.size() < 5; i++) {
            Generated g = generate(random, null, i);
            if (g.failures().isEmpty()) {
                continue;
            }
            Diagnosis d = kb.diagnose(g.bundle());
            Set<String> cited = new TreeSet<>();
            d.findings().stream().filter(f -> f.severity().failsRun())
                    .forEach(f -> f.evidence().forEach(e -> cited.add(e.source())));
            if (!d.hasProblems() || !cited.containsAll(g.failures().keySet())) {
                problems.add("bundle " + i + ": " + g.failures() + " findings "
                        + d.findings().stream().map(Finding::id).toList());
            }
        }
        assertThat(problems).as("seed %d", seed).isEmpty();
    }

    record Generated(FactBundle bundle, Map<String, String> failures) {
    }

    /** One bundle holding the symptom (if any), maybe a SCHANNEL export and host, and a few other random failures. */
    static Generated generate(Random r, String symptomId, int n) {
        FactBundle.Builder b = FactBundle.builder();
        Map<String, String> failures = new java.util.TreeMap<>();
        Object[] host = HOSTS[r.nextInt(HOSTS.length)];
        Provenance hostAt = Provenance.of("gen-host.reg", 1);
        if (host[0] != null) {
            b.add(new HostProfile((String) host[0], (Integer) host[1], null, (String) host[2], null, "GEN", hostAt));
        }
        if (r.nextBoolean()) {
            b.add(new RegistryKey(RegistryPaths.SCHANNEL, false, true, Provenance.of("gen-schannel.reg", 1)));
            for (String role : new String[] {"Client", "Server"}) {
                if (r.nextBoolean()) {
                    b.add(io.mailflowkb.model.fact.RegistryValue.dword(Bundles.proto("TLS 1.2", role), "Enabled",
                            r.nextBoolean() ? 1 : 0, Provenance.of("gen-schannel.reg", 10 + role.length())));
                }
            }
        }
        int line = 1;
        String direction = DIRECTIONS[r.nextInt(DIRECTIONS.length)];
        if (symptomId != null) {
            Provenance at = Provenance.of("gen-" + n + ".log", line++);
            b.add(new Symptom(symptomId, null, FlowDirection.of(direction), PeerClass.of(PEERS[r.nextInt(PEERS.length)]), null, 1 + r.nextInt(5),
                    null, null, List.of(at)));
            failures.put(at.location(), "symptom " + symptomId + " " + direction);
        }
        int others = symptomId == null ? 1 + r.nextInt(3) : r.nextInt(3);
        for (int k = 0; k < others; k++) {
            Provenance p = Provenance.of("gen-" + n + ".log", line++);
            switch (r.nextInt(3)) {
                case 0 -> {
                    String error = ERRORS[r.nextInt(ERRORS.length)];
                    String dir = r.nextBoolean() ? "outbound" : "inbound";
                    b.add(new TlsOutcome(FlowDirection.of(dir), PeerClass.of(PEERS[r.nextInt(PEERS.length)]), "conn" + k, null,
                            TlsResult.FAILED, error,
                            null, 1, null, null, List.of(p)));
                    failures.put(p.location(), "TLS failed " + error + " " + dir);
                }
                case 1 -> {
                    int id = SCHANNEL_EVENTS[r.nextInt(SCHANNEL_EVENTS.length)];
                    Map<String, String> data = id == 36887 || id == 36888
                            ? Map.of("AlertDesc", ALERTS[r.nextInt(ALERTS.length)]) : id == 36871
                            ? Map.of("ErrorState", "10013") : Map.of();
                    b.add(new EventRecord("Schannel", id, "Error", data, null, 1, null, null, List.of(p)));
                    failures.put(p.location(), "Schannel " + id + " " + data);
                }
                default -> {
                    String target = "peer" + k + ".example.net:25";
                    for (String v : new String[] {"TLS 1.2", "TLS 1.3"}) {
                        Provenance pp = Provenance.of("probe:" + target + ":" + v, 1);
                        String outcome = PROBE_FAILURES[r.nextInt(PROBE_FAILURES.length)];
                        b.add(new ProbeResult(target, v, outcome, "generated", null, null, null, 5, pp));
                        failures.put(pp.location(), "probe " + v + " " + outcome);
                    }
                }
            }
        }
        return new Generated(b.build(), failures);
    }
}
