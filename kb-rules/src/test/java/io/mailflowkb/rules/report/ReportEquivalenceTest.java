package io.mailflowkb.rules.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.fact.FlowDirection;
import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.PeerClass;
import io.mailflowkb.model.fact.ProbeResult;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.fact.Symptom;
import io.mailflowkb.model.fact.TlsOutcome;
import io.mailflowkb.model.fact.TlsResult;
import io.mailflowkb.model.finding.Direction;
import io.mailflowkb.model.finding.Evidence;
import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.model.finding.Severity;
import io.mailflowkb.rules.derive.ExchangeBaseline;
import io.mailflowkb.rules.derive.ProtocolState;
import io.mailflowkb.rules.derive.TlsSupport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The report's loops that replaced streams, maps and sets, against the code they replace
 * ({@link ConfirmationsBefore}, {@link FindingOrderBefore}, the stream of {@code aboutProbedPeersOnly}), over
 * seeded random inputs: protocol states of every version and role (several of one slot, odd spellings, values from
 * one file or several, with and without lines), baselines, TLS outcomes and probes; findings of every severity with
 * and without causes (chains, cycles, causes not among them, self causes, shared ids), and evidence of probes,
 * correlations and inputs named {@code probe} or shorter than {@code probe:}.
 */
class ReportEquivalenceTest {

    static Stream<Long> seeds() {
        return LongStream.range(0, 40).map(i -> 2_147_483_647L * i + 29).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void confirmationsAreThoseOfTheMapsAndStreams(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 300; i++) {
            List<Object> session = new ArrayList<>();
            for (int k = r.nextInt(12); k > 0; k--) {
                session.add(sessionObject(r));
            }
            FactBundle bundle = bundle(r);
            ConfirmationsBefore.Result before = ConfirmationsBefore.of(bundle, session);
            Confirmations.Result now = Confirmations.of(bundle, session);
            assertEquals(before.confirmed(), now.confirmed(), session::toString);
            assertEquals(before.notExamined(), now.notExamined(), session::toString);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void findingOrderIsTheQueuesOrder(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 300; i++) {
            List<Finding> findings = findings(r, r.nextInt(r.nextInt(10) == 0 ? 40 : 8));
            assertEquals(FindingOrderBefore.sort(findings), FindingOrder.sort(findings), findings::toString);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aboutProbedPeersOnlyIsTheStreamsAnswer(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 500; i++) {
            Finding f = findings(r, 1).get(0);
            List<Evidence> facts = f.evidence().stream().filter(e -> e.kind() != Evidence.Kind.CORRELATION).toList();
            boolean before = !facts.isEmpty() && facts.stream().allMatch(e -> e.source().startsWith("probe:"));
            assertEquals(before, MailFlows.aboutProbedPeersOnly(f), f::toString);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void mailFlowsAreThoseOfTheListsAndJoins(long seed) {
        Random r = new Random(seed);
        Direction[] directions = Direction.values();
        String[][] flows = {{}, {"outbound"}, {"inbound"}, {"inbound", "outbound"}};
        for (int i = 0; i < 300; i++) {
            FactBundle base = bundle(r);
            FactBundle.Builder b = FactBundle.builder();
            base.facts().forEach(b::add);
            for (int k = r.nextInt(3); k > 0; k--) {
                FlowDirection[] dirs = FlowDirection.values();
                PeerClass[] peers = PeerClass.values();
                b.add(new Symptom("s", "421", dirs[r.nextInt(dirs.length)], peers[r.nextInt(peers.length)], null,
                        1 + r.nextInt(3), null, null, List.of(Provenance.of("smtp.log", 1 + r.nextInt(9)))));
            }
            FactBundle bundle = b.build();
            List<Finding> findings = new ArrayList<>();
            Map<String, Set<String>> logFlows = new HashMap<>();
            for (Finding f : findings(r, r.nextInt(6))) {
                Direction direction = directions[r.nextInt(directions.length)];
                findings.add(new Finding(f.id(), f.severity(), f.title(), null, direction,
                        null, f.causedBy(), f.evidence(), List.of(), List.of(), f.rule(), null));
                if (r.nextBoolean()) {
                    logFlows.put(f.id(), Set.of(flows[r.nextInt(flows.length)]));
                }
            }
            assertEquals(MailFlowsBefore.of(bundle, findings, logFlows), MailFlows.of(bundle, findings, logFlows),
                    () -> bundle.facts().toList() + " " + findings + " " + logFlows);
        }
    }

    private static Object sessionObject(Random r) {
        Provenance at = new Provenance(r.nextBoolean() ? "schannel.reg" : "other.reg", r.nextInt(4) == 0 ? null
                : 1 + r.nextInt(30), null);
        return switch (r.nextInt(5)) {
            case 0, 1, 2 -> {
                String[] protocols = {"TLS 1.2", "TLS 1.2", "TLS 1.1", "TLS 1.3", "tls 1.2", null};
                String[] roles = {"client", "server", "client", "Server", null};
                List<RegistryValue> values = new ArrayList<>();
                for (int k = r.nextInt(3); k > 0; k--) {
                    values.add(RegistryValue.dword("HKLM\\X\\TLS 1.2\\Client", "Enabled", r.nextInt(2),
                            Provenance.of(r.nextInt(3) == 0 ? "b.reg" : "schannel.reg", 1 + r.nextInt(40))));
                }
                ProtocolState.State[] states = ProtocolState.State.values();
                ProtocolState.Basis[] bases = ProtocolState.Basis.values();
                yield new ProtocolState(protocols[r.nextInt(protocols.length)], roles[r.nextInt(roles.length)],
                        states[r.nextInt(states.length)], bases[r.nextInt(bases.length)], r.nextBoolean(), false,
                        r.nextBoolean() ? null : "Windows Server 20" + (16 + r.nextInt(4)), "why", values, at, true);
            }
            case 3 -> new ExchangeBaseline("2019", "15.2.1544.4", TlsSupport.values()[r.nextInt(3)],
                    TlsSupport.UNKNOWN, "b" + r.nextInt(3), at);
            default -> "something else";
        };
    }

    private static FactBundle bundle(Random r) {
        FactBundle.Builder b = FactBundle.builder();
        if (r.nextBoolean()) {
            b.add(new HostProfile(r.nextBoolean() ? "Windows Server 2019" : null, r.nextBoolean() ? 17763 : null, null,
                    r.nextBoolean() ? "15.2.1544.4" : null, null, "EX1",
                    r.nextBoolean() ? Provenance.of("(host)") : Provenance.of("host.reg", 3)));
        }
        for (int k = r.nextInt(4); k > 0; k--) {
            FlowDirection[] dirs = FlowDirection.values();
            PeerClass[] peers = PeerClass.values();
            b.add(new TlsOutcome(dirs[r.nextInt(dirs.length)], peers[r.nextInt(peers.length)], null,
                    r.nextBoolean() ? "TLS 1.2" : null, r.nextBoolean() ? TlsResult.SUCCEEDED : TlsResult.FAILED,
                    null, null, 1 + r.nextInt(3), null, null, List.of(Provenance.of("smtp" + r.nextInt(2) + ".log",
                    1 + r.nextInt(9)))));
        }
        for (int k = r.nextInt(3); k > 0; k--) {
            b.add(new ProbeResult("mx" + r.nextInt(2) + ".example:25", r.nextBoolean() ? "TLS 1.2" : "TLS 1.0",
                    r.nextBoolean() ? "ok" : "refused", null, null, true, null, 4, Provenance.of("probe:mx")));
        }
        return b.build();
    }

    private static List<Finding> findings(Random r, int n) {
        List<Finding> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> causes = new ArrayList<>();
            for (int k = r.nextInt(3) == 0 ? r.nextInt(3) : 0; k > 0; k--) {
                causes.add("f" + r.nextInt(n + 2)); // some not among them, some itself
            }
            List<Evidence> evidence = new ArrayList<>();
            for (int k = r.nextInt(4); k > 0; k--) {
                String[] inputs = {"probe:mx.example:25", "probe", "prob", "smtp.log", "probe:", "Probe:x"};
                Evidence.Kind[] kinds = Evidence.Kind.values();
                evidence.add(new Evidence(kinds[r.nextInt(kinds.length)], inputs[r.nextInt(inputs.length)],
                        r.nextBoolean() ? null : 1 + r.nextInt(9), null, "fact"));
            }
            Severity[] severities = Severity.values();
            String id = "f" + (r.nextInt(6) == 0 ? r.nextInt(Math.max(1, i)) : i); // a shared id now and then
            out.add(new Finding(id, severities[r.nextInt(severities.length)], "t", null, Direction.OUTBOUND, null,
                    causes, evidence, List.of(), List.of(), "rule", null));
        }
        return out;
    }
}
