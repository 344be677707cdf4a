package io.mailflowkb.rules.derive;

import io.mailflowkb.model.fact.RegistryPaths;
import java.util.ArrayList;
import java.util.List;

/**
 * One SChannel protocol role whose effective state the rules derive: {@code TLS 1.2} / {@code client}.
 * {@link ProtocolState#deriveAll} derives a state for every slot of {@link #ALL}, registry or not.
 */
public record ProtocolSlot(String protocol, String role) {

    public static final List<String> PROTOCOLS = List.of("TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3");
    public static final List<String> ROLES = List.of("client", "server");
    public static final List<ProtocolSlot> ALL;
    /** key() of each slot in ALL: the derivation asks for each key per registry value. */
    private static final String[] ALL_KEYS;

    static {
        List<ProtocolSlot> all = new ArrayList<>();
        for (String p : PROTOCOLS) {
            for (String r : ROLES) {
                all.add(new ProtocolSlot(p, r));
            }
        }
        ALL = List.copyOf(all);
        ALL_KEYS = ALL.stream().map(ProtocolSlot::keyOf).toArray(String[]::new);
    }

    /** {@code HKLM\...\SCHANNEL\Protocols\TLS 1.2\Client} */
    public String key() {
        for (int i = 0; i < ALL_KEYS.length; i++) {
            if (ALL.get(i) == this) {
                return ALL_KEYS[i];
            }
        }
        return keyOf(this);
    }

    private static String keyOf(ProtocolSlot s) {
        return RegistryPaths.SCHANNEL_PROTOCOLS + "\\" + s.protocol + "\\" + (s.role.equals("client") ? "Client" : "Server");
    }
}
