package io.mailflowkb.rules.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.rules.Diagnostician;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ProtocolMismatch#differ}, which the rule's join now tests, against what it stands for: {@link
 * ProtocolMismatch#compare} finds at least one mismatch. Seeded random exports of the two roles of every version:
 * values missing, 0, 1, non-standard ({@code 0xffffffff}, 2) or no number, names in other cases, duplicates, on
 * hosts whose release decides the defaults differently, and every client state against every server state.
 */
class MismatchGuardEquivalenceTest {

    private static final String PROTOCOLS = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\";
    private static final String[] NAMES = {"Enabled", "DisabledByDefault", "enabled", "DISABLEDBYDEFAULT", "Other"};
    private static final List<HostProfile> HOSTS = List.of(
            new HostProfile("Windows Server 2019 Standard", 17763, null, null, null, "EX19", Provenance.of("h")),
            new HostProfile("Windows Server 2008 R2 Enterprise", null, null, null, null, "EX10", Provenance.of("h")),
            new HostProfile(null, 20348, null, null, null, "EX22", Provenance.of("h")),
            HostProfile.UNKNOWN);

    static WindowsReleases releases;

    @BeforeAll
    static void load() {
        releases = Diagnostician.load().knowledge().windowsReleases();
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 30).mapToObj(i -> 7_919L * i + 3);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void differIsCompareFindingSomething(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 100; i++) {
            List<RegistryValue> vs = new ArrayList<>();
            int n = r.nextInt(24);
            for (int k = 0; k < n; k++) {
                String key = PROTOCOLS + ProtocolSlot.PROTOCOLS.get(r.nextInt(ProtocolSlot.PROTOCOLS.size()))
                        + (r.nextBoolean() ? "\\Client" : "\\Server");
                String name = NAMES[r.nextInt(NAMES.length)];
                Provenance at = Provenance.of("m" + seed + ".reg", k + 1);
                long[] numbers = {0, 1, 0xffffffffL, 2};
                vs.add(r.nextInt(12) == 0 ? new RegistryValue(key, name, "REG_SZ", "1", at)
                        : RegistryValue.dword(key, name, numbers[r.nextInt(numbers.length)], at));
            }
            List<ProtocolState> states = ProtocolState.deriveAll(vs, List.of(), HOSTS.get(r.nextInt(HOSTS.size())),
                    releases);
            for (ProtocolState c : states) {
                for (ProtocolState s : states) {
                    assertEquals(!ProtocolMismatch.compare(c, s).isEmpty(), ProtocolMismatch.differ(c, s),
                            () -> "seed " + seed + ": " + c + " / " + s);
                }
            }
        }
    }
}
