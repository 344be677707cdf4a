package io.mailflowkb.rules.derive;

import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryKey;
import io.mailflowkb.model.fact.RegistryValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The effective state of one SChannel protocol role, as Windows reads it: any non-zero {@code Enabled} is on, any
 * non-zero {@code DisabledByDefault} keeps the version out of default negotiation, and an absent value takes the
 * OS default for the Windows release (the references of finding tls12-client-disabled in knowledge/).
 *
 * @param state       {@code enabled}, {@code disabled} ({@code Enabled}=0 or unsupported),
 *                    {@code disabled-by-default}, or {@code unknown}
 * @param basis       {@code registry} (a value decided it), {@code os-default} (the key or value is absent and the
 *                    Windows release is known), or {@code unknown} (the inputs cannot decide)
 * @param usable      whether Exchange can negotiate it: enabled and not disabled by default; {@code null} if unknown
 * @param nonStandard a value is present but is not Microsoft's documented 0 or 1 (e.g. {@code 0xffffffff})
 * @param reason      why the state is what it is, in words
 * @param evidence    the registry values (or key) that decided it
 * @param covered     whether the inputs cover the key at all (a value under it, or an export of it or of a parent
 *                    with its subtree): {@code false} for a partial export that left this version out
 */
public record ProtocolState(String protocol, String role, String state, String basis, Boolean usable,
                            boolean nonStandard, String windows, String reason, List<RegistryValue> values,
                            Provenance source, boolean covered) {

    /** Derives the state from the values under the slot's key, the keys that cover it, and the host. */
    public static ProtocolState derive(ProtocolSlot slot, List<?> values, List<?> coveringKeys, HostProfile host) {
        RegistryValue enabled = null;
        RegistryValue disabledByDefault = null;
        for (Object o : values) {
            RegistryValue v = (RegistryValue) o;
            if (!v.isNumber()) {
                continue;
            }
            if (v.name().equalsIgnoreCase("Enabled")) {
                enabled = v;
            } else if (v.name().equalsIgnoreCase("DisabledByDefault")) {
                disabledByDefault = v;
            }
        }
        WindowsRelease release = host == null ? null : WindowsRelease.identify(host.windowsBuild(), host.windowsProduct());
        String windows = release == null ? null : release.displayName();
        WindowsRelease.OsDefault osDefault = release == null ? WindowsRelease.OsDefault.UNKNOWN
                : release.defaultFor(slot.protocol());
        List<RegistryValue> deciding = new ArrayList<>();
        if (enabled != null) {
            deciding.add(enabled);
        }
        if (disabledByDefault != null) {
            deciding.add(disabledByDefault);
        }
        boolean nonStandard = deciding.stream().anyMatch(v -> v.number() > 1);
        Provenance source = !deciding.isEmpty() ? deciding.get(0).source()
                : coveringKeys.isEmpty() ? Provenance.of("(not in the registry exports)")
                : ((RegistryKey) coveringKeys.get(0)).source();

        boolean covered = !(deciding.isEmpty() && coveringKeys.isEmpty());
        if (!covered) {
            return new ProtocolState(slot.protocol(), slot.role(), "unknown", "unknown", null, false, windows,
                    "the inputs do not include the SCHANNEL\\Protocols\\" + slot.protocol() + " registry keys", deciding, source, false);
        }
        // An absent value takes the OS default for that value: "on" means Enabled=1/DisabledByDefault=0,
        // "off by default" means Enabled=1/DisabledByDefault=1, "unsupported" means not available at all.
        Boolean on = enabled != null ? Boolean.valueOf(enabled.number() != 0) : switch (osDefault) {
            case ON, OFF_BY_DEFAULT -> Boolean.TRUE;
            case UNSUPPORTED -> Boolean.FALSE;
            case UNKNOWN -> null;
        };
        Boolean offByDefault = disabledByDefault != null ? Boolean.valueOf(disabledByDefault.number() != 0)
                : switch (osDefault) {
            case ON -> Boolean.FALSE;
            case OFF_BY_DEFAULT, UNSUPPORTED -> Boolean.TRUE;
            case UNKNOWN -> null;
        };
        boolean explicit = enabled != null && disabledByDefault != null;
        String basis = explicit || enabled != null && !on || disabledByDefault != null && offByDefault
                ? "registry" : osDefault == WindowsRelease.OsDefault.UNKNOWN ? "unknown" : "os-default";
        String defaults = explicit ? "" : "; " + (deciding.isEmpty() ? "no Enabled or DisabledByDefault value"
                : enabled == null ? "Enabled absent" : "DisabledByDefault absent")
                + (windows == null ? " and the Windows release is unknown" : ", so the " + windows + " default applies ("
                + osDefault.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
        if (Boolean.FALSE.equals(on)) {
            return new ProtocolState(slot.protocol(), slot.role(), "disabled", basis, false, nonStandard, windows,
                    (enabled != null ? "Enabled = 0: it cannot be negotiated even if an application asks for it"
                            : windows + " does not support " + slot.protocol()) + defaults, deciding, source, covered);
        }
        if (Boolean.TRUE.equals(offByDefault)) {
            return new ProtocolState(slot.protocol(), slot.role(), "disabled-by-default", basis, false, nonStandard,
                    windows, "disabled by default: not negotiated unless an application asks for it" + defaults,
                    deciding, source, covered);
        }
        if (on == null || offByDefault == null) {
            return new ProtocolState(slot.protocol(), slot.role(), "unknown", "unknown", null, nonStandard, windows,
                    "cannot decide" + defaults, deciding, source, covered);
        }
        return new ProtocolState(slot.protocol(), slot.role(), "enabled", basis, true, nonStandard, windows,
                "enabled and used by default" + defaults, deciding, source, covered);
    }

    /** One line for evidence. */
    public String describe() {
        String values = this.values.isEmpty() ? "" : " (" + String.join(", ",
                this.values.stream().map(v -> v.name() + "=" + v.number()).toList()) + ")";
        return protocol + " " + role + " is " + state + values + ": " + reason;
    }
}
