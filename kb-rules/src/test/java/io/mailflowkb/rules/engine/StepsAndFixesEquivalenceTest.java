package io.mailflowkb.rules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.ProbeCertificate;
import io.mailflowkb.model.fact.ProbeResult;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.finding.RemediationStep;
import io.mailflowkb.model.fix.FixChoice;
import io.mailflowkb.model.fix.RegistryFix;
import io.mailflowkb.model.knowledge.FixDefinition;
import io.mailflowkb.model.knowledge.StepDefinition;
import io.mailflowkb.rules.derive.ExchangeBaseline;
import io.mailflowkb.rules.derive.ProtocolMismatch;
import io.mailflowkb.rules.derive.ProtocolState;
import io.mailflowkb.rules.derive.TlsSupport;
import io.mailflowkb.rules.fix.FixResolution;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The per-finding {@link RemediationPlan} (steps made once per answer when no probed peer is among the evidence)
 * and {@link FixResolution#values} (entries made ready once) against the code they replace, over seeded random step
 * and fix definitions and random hits: steps about this server, about peers, generic ones, {@code <peer>},
 * {@code <target>} and {@code <port>} in texts and commands, probe facts of several peers, all baselines; fix entries
 * for every version, for some versions (listed twice, or for versions no fact is about), with and without a choice.
 * Each plan and resolution is asked many times, so a cached answer must hold for every later diagnosis too.
 */
class StepsAndFixesEquivalenceTest {

    static Stream<Long> seeds() {
        return LongStream.range(0, 30).map(i -> 7_919 * i + 17).boxed();
    }

    static final String[] PROTOCOLS = {"TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3"};
    static final Provenance AT = Provenance.of("t.reg", 3);

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void stepsAreThoseMadePerRun(long seed) {
        Random r = new Random(seed);
        for (int plans = 0; plans < 20; plans++) {
            List<StepDefinition> definitions = new ArrayList<>();
            int n = r.nextInt(6);
            for (int i = 0; i < n; i++) {
                definitions.add(step(r, i));
            }
            RemediationPlan plan = new RemediationPlan(definitions);
            for (int run = 0; run < 40; run++) {
                List<FindingHit> hits = hits(r);
                ExchangeBaseline baseline = baseline(r);
                assertEquals(plainSteps(definitions, hits, baseline), plan.steps(hits, baseline),
                        () -> definitions + " " + hits + " " + baseline);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void fixValuesAreThoseResolvedPerRun(long seed) {
        Random r = new Random(seed);
        for (int findings = 0; findings < 20; findings++) {
            List<FixDefinition> entries = new ArrayList<>();
            int n = r.nextInt(5);
            for (int i = 0; i < n; i++) {
                entries.add(fix(r, i));
            }
            FixResolution resolution = FixResolution.of(entries);
            for (int run = 0; run < 40; run++) {
                List<Object> facts = new ArrayList<>();
                hits(r).forEach(h -> facts.addAll(h.facts()));
                assertEquals(plainFix(entries, facts), resolution.values(facts), () -> entries + " " + facts);
            }
        }
    }

    private static StepDefinition step(Random r, int i) {
        String[] words = {"do ", "<peer>", " on ", "<target>", " port <port>", " and <peer> again"};
        StringBuilder text = new StringBuilder("step " + i + " ");
        for (int k = r.nextInt(4); k > 0; k--) {
            text.append(words[r.nextInt(words.length)]);
        }
        List<String> commands = new ArrayList<>();
        for (int k = r.nextInt(3); k > 0; k--) {
            commands.add("Test-Connection " + words[r.nextInt(words.length)] + " -Port <port>");
        }
        String about = switch (r.nextInt(4)) {
            case 0 -> "local";
            case 1 -> "peer";
            default -> null;
        };
        Boolean generic = r.nextInt(3) == 0 ? null : r.nextBoolean();
        return new StepDefinition(r.nextInt(8) == 0 ? null : text.toString(), commands, generic, about);
    }

    private static List<FindingHit> hits(Random r) {
        List<FindingHit> hits = new ArrayList<>();
        for (int h = r.nextInt(4); h > 0; h--) {
            List<Object> facts = new ArrayList<>();
            for (int f = r.nextInt(4); f > 0; f--) {
                facts.add(fact(r));
            }
            hits.add(new FindingHit("x", facts));
        }
        return hits;
    }

    private static Object fact(Random r) {
        String target = switch (r.nextInt(4)) {
            case 0 -> "mx1.partner.example:25";
            case 1 -> "[2001:db8::1]:587";
            case 2 -> "MX1.partner.example:2525";
            default -> "legacy.example";
        };
        String protocol = PROTOCOLS[r.nextInt(PROTOCOLS.length)];
        return switch (r.nextInt(6)) {
            case 0 -> new ProbeResult(target, protocol, "refused", null, null, true, null, 5,
                    Provenance.of("probe:" + target));
            case 1 -> new ProbeCertificate(target, "CN=x", List.of(), "CN=ca", List.of(), null, null, null, null, null,
                    null, false, null, Provenance.of("probe:" + target));
            case 2 -> new ProtocolState(protocol, r.nextBoolean() ? "client" : "server", ProtocolState.State.DISABLED,
                    ProtocolState.Basis.REGISTRY, false, false, null, "off", List.of(), AT, true);
            case 3 -> new ProtocolMismatch(protocol, "roles-differ", "both", "client", "differ",
                    List.of(RegistryValue.dword("HKLM\\SOFTWARE\\X", "Enabled", 0, AT)), AT);
            default -> RegistryValue.dword("HKLM\\SOFTWARE\\X", "V" + r.nextInt(3), r.nextInt(2), AT);
        };
    }

    private static ExchangeBaseline baseline(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> null;
            case 1 -> new ExchangeBaseline("2019", "15.2.1544.4", TlsSupport.SUPPORTED, TlsSupport.UNKNOWN, "ok", AT);
            default -> new ExchangeBaseline("2013", "15.0.847.32", TlsSupport.values()[r.nextInt(
                    TlsSupport.values().length)], TlsSupport.UNKNOWN, "old", AT);
        };
    }

    private static FixDefinition fix(Random r, int i) {
        List<String> protocols = new ArrayList<>();
        for (int k = r.nextInt(4); k > 0; k--) {
            protocols.add(PROTOCOLS[r.nextInt(PROTOCOLS.length)]); // may repeat
        }
        String key = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\"
                + (protocols.isEmpty() ? "TLS 1.2" : FixDefinition.VERSION) + "\\" + (r.nextBoolean() ? "Client"
                : "Server");
        String choice = switch (r.nextInt(4)) {
            case 0 -> "legacy-tls=on";
            case 1 -> "legacy-tls=off";
            default -> null;
        };
        String value = r.nextBoolean() ? String.valueOf(r.nextInt(2)) : "0x" + Integer.toHexString(r.nextInt());
        if (value.startsWith("0x-")) {
            value = "0xffffffff";
        }
        return new FixDefinition(key, r.nextBoolean() ? "Enabled" : "DisabledByDefault" + i, "REG_DWORD", value,
                protocols, choice);
    }

    /** RemediationPlan.steps as it was before the plan kept its answers (its text, unchanged). */
    static List<RemediationStep> plainSteps(List<StepDefinition> definitions, List<FindingHit> hits,
                                            ExchangeBaseline baseline) {
        TreeSet<String> peers = new TreeSet<>();
        TreeSet<String> targets = new TreeSet<>();
        boolean local = hits.isEmpty();
        for (FindingHit h : hits) {
            for (Object f : h.facts()) {
                String target = f instanceof ProbeResult p ? p.target() : f instanceof ProbeCertificate c ? c.target()
                        : null;
                if (target != null) {
                    peers.add(io.mailflowkb.rules.derive.ProbeHosts.host(target));
                    targets.add(target);
                } else {
                    local = true;
                }
            }
        }
        boolean updatesFirst = baseline == null || baseline.tls12() != TlsSupport.SUPPORTED;
        List<StepDefinition> specific = new ArrayList<>();
        List<StepDefinition> generic = new ArrayList<>();
        for (StepDefinition s : definitions) {
            if ("local".equals(s.about()) && !local || "peer".equals(s.about()) && peers.isEmpty()) {
                continue;
            }
            (s.isGeneric() ? generic : specific).add(s);
        }
        List<StepDefinition> ordered = new ArrayList<>();
        if (updatesFirst) {
            ordered.addAll(generic);
            ordered.addAll(specific);
        } else {
            ordered.addAll(specific);
            ordered.addAll(generic);
        }
        List<RemediationStep> out = new ArrayList<>();
        for (StepDefinition s : ordered) {
            List<String> commands = s.commands().stream().map(c -> named(c, s, peers, targets)).toList();
            out.add(new RemediationStep(out.size() + 1, named(s.text(), s, peers, targets), commands));
        }
        return out;
    }

    private static String named(String text, StepDefinition s, TreeSet<String> peers, TreeSet<String> targets) {
        if (!"peer".equals(s.about()) || peers.isEmpty() || text == null) {
            return text;
        }
        TreeSet<String> ports = new TreeSet<>();
        targets.forEach(t -> ports.add(t.substring(t.lastIndexOf(':') + 1)));
        return text.replace("<peer>", String.join(", ", peers)).replace("<target>", String.join(" ", targets))
                .replace("<port>", String.join(",", ports));
    }

    /** FixResolution.resolve as it was before the entries were made ready once (its text, unchanged). */
    static List<RegistryFix> plainFix(List<FixDefinition> entries, Collection<?> facts) {
        if (entries.isEmpty()) {
            return List.of();
        }
        Set<String> protocols = new TreeSet<>();
        for (Object f : facts) {
            if (f instanceof ProtocolMismatch m) {
                protocols.add(m.protocol());
            } else if (f instanceof ProtocolState s) {
                protocols.add(s.protocol());
            }
        }
        List<RegistryFix> out = new ArrayList<>();
        for (FixDefinition e : entries) {
            long value = e.dword();
            FixChoice choice = e.choice() == null ? null : FixChoice.of(e.choice());
            if (!e.versionDependent()) {
                out.add(new RegistryFix(e.key(), e.name(), value, null, choice));
                continue;
            }
            for (String p : protocols) {
                if (e.protocols().contains(p)) {
                    out.add(new RegistryFix(e.key().replace(FixDefinition.VERSION, p), e.name(), value, p, choice));
                }
            }
        }
        return out;
    }
}
