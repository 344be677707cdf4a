package io.mailflowkb.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryKey;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.fact.Symptom;
import io.mailflowkb.model.finding.Finding;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Diagnoses thousands of generated bundles in one JVM through the combined KieBase (shipped DRL + translated YAML)
 * and compares every result with an oracle written from Microsoft's rules, not from the engine's code. This is
 * the test that catches node-sharing and ordering mistakes (design.md 5a), which show up only as wrong results
 * after many sessions.
 */
class ManyBundlesTest {

    static final String PROTOCOLS = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols";
    static final Long ABSENT = null;
    static final Long[] VALUES = {ABSENT, 0L, 1L, 0xffffffffL, 2L};
    static final Object[][] WINDOWS = {{"Windows Server 2008 R2 Standard", 7601, true}, {"Windows Server 2012 R2 Standard", 9600, false},
            {"Windows Server 2016 Datacenter", 14393, false}, {"Windows Server 2019 Standard", 17763, false},
            {"Windows Server 2022 Standard", 20348, false}, {null, null, null}};

    static Diagnostician kb;

    @BeforeAll
    static void load() {
        kb = Diagnostician.load();
    }

    static LongStream batches() {
        return LongStream.range(0, 30);
    }

    /** 30 batches of 100 bundles: 3000 diagnoses in one JVM. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("batches")
    void everyGeneratedBundleMatchesTheOracle(long seed) {
        Random r = new Random(seed * 7919);
        for (int i = 0; i < 100; i++) {
            Case c = Case.random(r);
            Set<String> produced = kb.diagnose(c.bundle()).findings().stream().map(Finding::id)
                    .filter(id -> Set.of("tls12-client-disabled", "tls12-server-disabled", "starttls-fallback-rejected")
                            .contains(id))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(produced).as("seed %d case %d: %s", seed, i, c).isEqualTo(c.expected());
        }
    }

    record Case(Object[] windows, boolean covered, Long clientEnabled, Long clientDbd, Long serverEnabled,
                Long serverDbd, boolean starttls451, boolean fallbackSymptom) {

        static Case random(Random r) {
            return new Case(WINDOWS[r.nextInt(WINDOWS.length)], r.nextInt(4) != 0, pick(r), pick(r), pick(r), pick(r),
                    r.nextInt(5) == 0, r.nextInt(7) == 0);
        }

        private static Long pick(Random r) {
            return VALUES[r.nextInt(VALUES.length)];
        }

        FactBundle bundle() {
            FactBundle.Builder b = FactBundle.builder();
            Provenance p = Provenance.of("gen.reg", 1);
            if (windows[0] != null) {
                b.add(new HostProfile((String) windows[0], (Integer) windows[1], null, null, null, null, p));
            }
            if (covered) {
                b.add(new RegistryKey(PROTOCOLS, false, true, p));
            }
            value(b, "Client", "Enabled", clientEnabled);
            value(b, "Client", "DisabledByDefault", clientDbd);
            value(b, "Server", "Enabled", serverEnabled);
            value(b, "Server", "DisabledByDefault", serverDbd);
            if (starttls451) {
                b.add(Symptom.seen("starttls-required-451", "451 5.7.3 Must issue a STARTTLS command first", p));
            }
            if (fallbackSymptom) {
                b.add(Symptom.seen("starttls-fallback-rejected", "451 5.7.3 Must issue a STARTTLS command first", p));
            }
            return b.build();
        }

        private static void value(FactBundle.Builder b, String role, String name, Long v) {
            if (v != null) {
                b.add(RegistryValue.dword(PROTOCOLS + "\\TLS 1.2\\" + role, name, v, Provenance.of("gen.reg", 2)));
            }
        }

        Set<String> expected() {
            Set<String> ids = new TreeSet<>();
            if (Boolean.FALSE.equals(usable(clientEnabled, clientDbd))) {
                ids.add("tls12-client-disabled");
            }
            if (Boolean.FALSE.equals(usable(serverEnabled, serverDbd))) {
                ids.add("tls12-server-disabled");
            }
            if (starttls451 || fallbackSymptom) {
                ids.add("starttls-fallback-rejected");
            }
            return ids;
        }

        /**
         * Microsoft's reading ([S19], domain notes 4.1/4.4): Enabled=0 disables; a non-zero DisabledByDefault keeps
         * it out of default use; an absent value takes the OS default; TLS 1.2 is off by default only on 2008 R2
         * (of the releases generated here). {@code null} means the inputs cannot decide.
         */
        private Boolean usable(Long enabled, Long dbd) {
            if (enabled != null && enabled == 0) {
                return false;
            }
            if (dbd != null && dbd != 0) {
                return false;
            }
            if (enabled != null && dbd != null) {
                return true;
            }
            if (enabled == null && dbd == null && !covered) {
                return null;
            }
            Boolean offByDefault = (Boolean) windows[2];
            if (offByDefault == null) {
                return null;
            }
            return !offByDefault || dbd != null;
        }

        @Override
        public String toString() {
            return "windows=" + windows[0] + " covered=" + covered + " client(E=" + clientEnabled + ",DBD=" + clientDbd
                    + ") server(E=" + serverEnabled + ",DBD=" + serverDbd + ") 451=" + starttls451 + " fallback="
                    + fallbackSymptom;
        }
    }

}
