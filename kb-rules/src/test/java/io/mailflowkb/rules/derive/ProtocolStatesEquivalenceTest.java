package io.mailflowkb.rules.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryKey;
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
 * {@link ProtocolState#deriveAll}, one derivation of the eight slots from all values and keys, against what the rule
 * did before it: per slot of {@link ProtocolSlot#ALL}, {@link ProtocolState#derive} over the values with
 * {@code sameKey(slot.key())} and the keys that {@code covers(slot.key())}, each in the order given (one filtered
 * collect per slot). Seeded random exports: every slot's key in other spellings (lower case, the long root, a
 * trailing backslash), keys that only look alike (the long s, the Kelvin sign), parents with and without their
 * subtree, deleted keys, runs of values under one key text, duplicate values (the last one decides), values that
 * are no number, and hosts whose release is known by name, by build only, or not at all.
 */
class ProtocolStatesEquivalenceTest {

    private static final String PROTOCOLS = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols";
    private static final String[] NAMES = {"Enabled", "DisabledByDefault", "enabled", "DISABLEDBYDEFAULT", "Other"};
    private static final List<HostProfile> HOSTS = List.of(
            new HostProfile("Windows Server 2019 Standard", 17763, null, "15.2.1544.4", null, "EX19", Provenance.of("h")),
            new HostProfile("Windows Server 2008 R2 Enterprise", null, null, null, null, "EX10", Provenance.of("h")),
            new HostProfile(null, 20348, null, null, null, "EX22", Provenance.of("h")),
            new HostProfile("Windows Server 2025 Datacenter", 26100, null, null, null, "EX25", Provenance.of("h")),
            new HostProfile("Windows NT", 1234, null, null, null, "OLD", Provenance.of("h")),
            HostProfile.UNKNOWN);

    static WindowsReleases releases;

    @BeforeAll
    static void load() {
        releases = Diagnostician.load().knowledge().windowsReleases();
    }

    static Stream<Long> seeds() {
        return IntStream.range(0, 40).mapToObj(i -> 32_452_843L * i + 11);
    }

    private static String key(Random r) {
        String protocol = ProtocolSlot.PROTOCOLS.get(r.nextInt(ProtocolSlot.PROTOCOLS.size()));
        String role = r.nextBoolean() ? "Client" : "Server";
        String k = PROTOCOLS + "\\" + protocol + "\\" + role;
        return switch (r.nextInt(9)) {
            case 0 -> k.toLowerCase(java.util.Locale.ROOT);
            case 1 -> k.replace("HKLM\\", "HKEY_LOCAL_MACHINE\\") + "\\";
            case 2 -> k.replace("SYSTEM", "\u017fYSTEM"); // the long s folds to s ignoring case: another key
            case 3 -> k.replace("HKLM", "H\u212aLM"); // the Kelvin sign folds to k ignoring case: another root
            case 4 -> PROTOCOLS + "\\" + protocol;
            case 5 -> PROTOCOLS;
            case 6 -> "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL";
            default -> k;
        };
    }

    /** The derivation before: one filtered collect per slot, then {@link ProtocolState#derive}. */
    static List<ProtocolState> perSlot(List<RegistryValue> vs, List<RegistryKey> ks, HostProfile host) {
        List<ProtocolState> out = new ArrayList<>();
        for (ProtocolSlot slot : ProtocolSlot.ALL) {
            List<RegistryValue> under = vs.stream().filter(v -> v.sameKey(slot.key())).toList();
            List<RegistryKey> covering = ks.stream().filter(k -> k.covers(slot.key())).toList();
            out.add(ProtocolState.derive(slot, under, covering, host, releases));
        }
        return out;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void oneDerivationOfAllSlotsIsOnePerSlot(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 200; i++) {
            List<RegistryValue> vs = new ArrayList<>();
            int n = r.nextInt(20);
            String key = key(r);
            for (int k = 0; k < n; k++) {
                Provenance at = Provenance.of("r" + seed + ".reg", k + 1);
                String name = NAMES[r.nextInt(NAMES.length)];
                key = r.nextBoolean() ? key : key(r); // an export lists a key's values together, mostly
                vs.add(r.nextInt(10) == 0 ? new RegistryValue(key, name, "REG_SZ", "1", at)
                        : RegistryValue.dword(key, name, r.nextInt(8) == 0 ? 0xffffffffL : r.nextInt(3), at));
            }
            List<RegistryKey> ks = new ArrayList<>();
            int m = r.nextInt(4);
            for (int k = 0; k < m; k++) {
                ks.add(new RegistryKey(key(r), r.nextInt(5) == 0, r.nextBoolean(), Provenance.of("k.reg", k + 1)));
            }
            HostProfile host = HOSTS.get(r.nextInt(HOSTS.size()));
            assertEquals(perSlot(vs, ks, host), ProtocolState.deriveAll(vs, ks, host, releases),
                    () -> "seed " + seed + ": " + vs + " " + ks + " " + host);
        }
    }
}
