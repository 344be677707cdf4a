package io.mailflowkb.rules.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.fix.RegistryFix;
import io.mailflowkb.model.knowledge.FixDefinition;
import io.mailflowkb.rules.derive.ProtocolMismatch;
import io.mailflowkb.rules.derive.ProtocolState;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link FixResolution#values} with its answers kept per set of listed versions, against the code it replaces
 * ({@link FixResolutionBefore}), over seeded random fix entries and matched facts: versions the entries list and
 * ones they do not, repeated versions, no version-dependent entry, and more listed versions than are kept per set
 * (the path that resolves per call). Each resolution is asked many times, so kept answers are compared too.
 */
class FixValuesEquivalenceTest {

    static Stream<Long> seeds() {
        return LongStream.range(0, 200).boxed();
    }

    /** More versions than FixResolution keeps answers for (six), some of which no entry lists. */
    static final String[] VERSIONS = {"TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3", "SSL 2.0", "SSL 3.0", "DTLS 1.2",
            "tls 1.2", "TLS 1.2 "};
    static final Provenance AT = Provenance.of("t.reg", 3);

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void valuesAreThoseOfTheCodeTheyReplace(long seed) {
        Random r = new Random(seed);
        for (int findings = 0; findings < 10; findings++) {
            int pool = 1 + r.nextInt(r.nextInt(4) == 0 ? VERSIONS.length : 4);
            List<FixDefinition> entries = new ArrayList<>();
            for (int i = r.nextInt(6); i > 0; i--) {
                entries.add(fix(r, i, pool));
            }
            FixResolution now = FixResolution.of(entries);
            FixResolutionBefore before = FixResolutionBefore.of(entries);
            for (int run = 0; run < 60; run++) {
                List<Object> facts = new ArrayList<>();
                for (int f = r.nextInt(6); f > 0; f--) {
                    facts.add(fact(r));
                }
                List<RegistryFix> values = now.values(facts);
                assertEquals(before.values(facts), values, () -> entries + " " + facts);
                assertThrows(UnsupportedOperationException.class, () -> values.add(null), "shared, so immutable");
            }
        }
    }

    private static Object fact(Random r) {
        String protocol = VERSIONS[r.nextInt(VERSIONS.length)];
        return switch (r.nextInt(4)) {
            case 0 -> new ProtocolState(protocol, r.nextBoolean() ? "client" : "server", ProtocolState.State.DISABLED,
                    ProtocolState.Basis.REGISTRY, false, false, null, "off", List.of(), AT, true);
            case 1 -> new ProtocolMismatch(protocol, "roles-differ", "both", "client", "differ",
                    List.of(RegistryValue.dword("HKLM\\SOFTWARE\\X", "Enabled", 0, AT)), AT);
            case 2 -> "TLS 1.2"; // not a fact about a version
            default -> RegistryValue.dword("HKLM\\SOFTWARE\\X", "V" + r.nextInt(3), r.nextInt(2), AT);
        };
    }

    private static FixDefinition fix(Random r, int i, int pool) {
        List<String> protocols = new ArrayList<>();
        for (int k = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(pool + 1); k > 0; k--) {
            protocols.add(VERSIONS[r.nextInt(pool)]); // may repeat
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
}
