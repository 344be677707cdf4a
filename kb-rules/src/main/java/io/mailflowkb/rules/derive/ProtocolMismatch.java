package io.mailflowkb.rules.derive;

import io.mailflowkb.model.fact.FlowDirection;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A TLS version that SChannel handles differently for the Client and the Server role. Exchange is SMTP client and
 * server at once, so Microsoft's guidance is to set both roles the same (the references of finding
 * schannel-client-server-mismatch in knowledge/).
 *
 * @param kind {@code roles-differ}: one role can negotiate the version and the other cannot (effective states, as
 *             Windows reads the values: HealthChecker's "Misconfigured"); {@code half-disabled}: HealthChecker's
 *             "Half Disabled" in either form, i.e. a role that is not enabled while {@code DisabledByDefault}=0 is
 *             set explicitly, or a role that is enabled while {@code DisabledByDefault} is non-zero (docs/healthchecker.md:
 *             HealthChecker counts a missing {@code Enabled} as enabled, except for TLS 1.3)
 * @param role {@code client}, {@code server} (half-disabled) or {@code both} (roles-differ)
 * @param failingRole the role that cannot use the version as Microsoft documents it: for roles-differ the one that
 *             cannot negotiate it, for half-disabled the role itself ({@code client} or {@code server})
 */
public record ProtocolMismatch(String protocol, String kind, String role, String failingRole, String detail,
                               List<RegistryValue> values, Provenance source) implements Derived {

    public ProtocolMismatch {
        values = List.copyOf(values);
    }

    /** Every mismatch between the two roles of one version (none when the states agree or are unknown). */
    public static List<ProtocolMismatch> compare(ProtocolState client, ProtocolState server) {
        List<ProtocolMismatch> out = new ArrayList<>();
        if (client.usable() != null && server.usable() != null && !client.usable().equals(server.usable())) {
            List<RegistryValue> values = new ArrayList<>(client.values());
            values.addAll(server.values());
            out.add(new ProtocolMismatch(client.protocol(), "roles-differ", "both",
                    Boolean.TRUE.equals(client.usable()) ? server.role() : client.role(),
                    client.protocol() + " is " + client.state() + " for Client but " + server.state() + " for Server",
                    values, client.values().isEmpty() ? server.source() : client.source()));
        }
        for (ProtocolState s : List.of(client, server)) {
            String half = halfDisabled(s);
            if (half != null) {
                out.add(new ProtocolMismatch(s.protocol(), "half-disabled", s.role(), s.role(),
                        s.protocol() + " " + s.role()
                        + " " + half, s.values(), s.source()));
            }
        }
        return out;
    }

    /**
     * Whether {@link #compare} finds any mismatch, without making one: the rule's join tests it, so the four pairs
     * of a run whose roles agree no longer fire (and {@code --explain} no longer lists four empty firings per run).
     */
    public static boolean differ(ProtocolState client, ProtocolState server) {
        return client.usable() != null && server.usable() != null && !client.usable().equals(server.usable())
                || halfDisabled(client) != null || halfDisabled(server) != null;
    }

    /** Why the role is "Half Disabled" in HealthChecker's terms, or {@code null} when it is not. */
    static String halfDisabled(ProtocolState s) {
        Long enabled = null;
        Long disabledByDefault = null;
        for (RegistryValue v : s.values()) {
            if (v.name().equalsIgnoreCase("Enabled")) {
                enabled = v.number();
            } else if (v.name().equalsIgnoreCase("DisabledByDefault")) {
                disabledByDefault = v.number();
            }
        }
        if (disabledByDefault == null) {
            return null;
        }
        boolean on = enabled != null ? enabled != 0 : !"TLS 1.3".equals(s.protocol());
        if (!on && disabledByDefault == 0) {
            return "has " + (enabled == null ? "no Enabled value (off for TLS 1.3)" : "Enabled = 0")
                    + " but DisabledByDefault = 0: the two values contradict each other";
        }
        if (on && disabledByDefault != 0) {
            return "has " + (enabled == null ? "no Enabled value (on)" : "Enabled = " + enabled)
                    + " but DisabledByDefault = " + disabledByDefault + ": enabled, yet not used by default";
        }
        return null;
    }

    /**
     * The mail flow the failing role carries: Exchange is the SChannel client when it sends ({@code outbound}) and
     * the server when it receives ({@code inbound}).
     */
    public FlowDirection flowDirection() {
        return "client".equalsIgnoreCase(failingRole) ? FlowDirection.OUTBOUND : FlowDirection.INBOUND;
    }

    @Override
    public String describe() {
        return detail;
    }
}
