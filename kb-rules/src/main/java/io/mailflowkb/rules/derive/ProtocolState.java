package io.mailflowkb.rules.derive;

import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryKey;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.fact.WireValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The effective state of one SChannel protocol role, as Windows reads it: any non-zero {@code Enabled} is on, any
 * non-zero {@code DisabledByDefault} keeps the version out of default negotiation, and an absent value takes the
 * OS default for the Windows release (the knowledge's Windows release table, knowledge/tls-deprecation/
 * windows-releases.yaml).
 *
 * @param state       what Windows does with the version in this role
 * @param basis       what decided the state
 * @param usable      whether Exchange can negotiate it: enabled and not disabled by default; {@code null} if unknown
 * @param nonStandard a value is present but is not Microsoft's documented 0 or 1 (e.g. {@code 0xffffffff})
 * @param reason      why the state is what it is, in words
 * @param evidence    the registry values (or key) that decided it
 * @param covered     whether the inputs cover the key at all (a value under it, or an export of it or of a parent
 *                    with its subtree): {@code false} for a partial export that left this version out
 */
public record ProtocolState(String protocol, String role, State state, Basis basis, Boolean usable,
                            boolean nonStandard, String windows, String reason, List<RegistryValue> values,
                            Provenance source, boolean covered) {

    /**
     * The state of every slot of {@link ProtocolSlot#ALL}, in that order, from all the registry values and keys of the
     * inputs (in session order): each slot gets the values under its key and the keys that cover it, in the order
     * given, which is what one filtered collect per slot gave the rule that derived them one by one. One rule firing
     * instead of eight, and the Windows release identified once instead of per slot.
     */
    public static List<ProtocolState> deriveAll(List<?> values, List<?> keys, HostProfile host,
                                                WindowsReleases releases) {
        WindowsRelease release = host == null ? null : releases.identify(host.windowsBuild(), host.windowsProduct());
        List<ProtocolSlot> slots = ProtocolSlot.ALL;
        List<List<RegistryValue>> under = new ArrayList<>(slots.size());
        for (int i = 0; i < slots.size(); i++) {
            under.add(new ArrayList<>(2));
        }
        // Slot keys differ from each other ignoring case, so a value is under one slot at most; an export lists a
        // key's values together, so the same key text usually follows and its slot is known.
        String lastKey = null;
        int lastSlot = -1;
        for (Object o : values) {
            RegistryValue v = (RegistryValue) o;
            if (!v.key().equals(lastKey)) {
                lastKey = v.key();
                lastSlot = -1;
                for (int i = 0; i < slots.size() && lastSlot < 0; i++) {
                    if (v.sameKey(slots.get(i).key())) {
                        lastSlot = i;
                    }
                }
            }
            if (lastSlot >= 0) {
                under.get(lastSlot).add(v);
            }
        }
        List<ProtocolState> out = new ArrayList<>(slots.size());
        for (int i = 0; i < slots.size(); i++) {
            ProtocolSlot slot = slots.get(i);
            List<RegistryKey> covering = new ArrayList<>(2);
            for (Object o : keys) {
                RegistryKey k = (RegistryKey) o;
                if (k.covers(slot.key())) {
                    covering.add(k);
                }
            }
            out.add(derive(slot, under.get(i), covering, release));
        }
        return out;
    }

    /** Derives the state from the values under the slot's key, the keys that cover it, the host and its release. */
    public static ProtocolState derive(ProtocolSlot slot, List<?> values, List<?> coveringKeys, HostProfile host,
                                       WindowsReleases releases) {
        return derive(slot, values, coveringKeys,
                host == null ? null : releases.identify(host.windowsBuild(), host.windowsProduct()));
    }

    private static ProtocolState derive(ProtocolSlot slot, List<?> values, List<?> coveringKeys,
                                        WindowsRelease release) {
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
            return new ProtocolState(slot.protocol(), slot.role(), State.UNKNOWN, Basis.UNKNOWN, null, false, windows,
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
        Basis basis = explicit || enabled != null && !on || disabledByDefault != null && offByDefault
                ? Basis.REGISTRY : osDefault == WindowsRelease.OsDefault.UNKNOWN ? Basis.UNKNOWN : Basis.OS_DEFAULT;
        String defaults = explicit ? "" : "; " + (deciding.isEmpty() ? "no Enabled or DisabledByDefault value"
                : enabled == null ? "Enabled absent" : "DisabledByDefault absent")
                + (windows == null ? " and the Windows release is unknown" : ", so the " + windows + " default applies ("
                + osDefault.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
        if (Boolean.FALSE.equals(on)) {
            return new ProtocolState(slot.protocol(), slot.role(), State.DISABLED, basis, false, nonStandard, windows,
                    (enabled != null ? "Enabled = 0: it cannot be negotiated even if an application asks for it"
                            : windows + " does not support " + slot.protocol()) + defaults, deciding, source, covered);
        }
        if (Boolean.TRUE.equals(offByDefault)) {
            return new ProtocolState(slot.protocol(), slot.role(), State.DISABLED_BY_DEFAULT, basis, false, nonStandard,
                    windows, "disabled by default: not negotiated unless an application asks for it" + defaults,
                    deciding, source, covered);
        }
        if (on == null || offByDefault == null) {
            return new ProtocolState(slot.protocol(), slot.role(), State.UNKNOWN, Basis.UNKNOWN, null, nonStandard, windows,
                    "cannot decide" + defaults, deciding, source, covered);
        }
        return new ProtocolState(slot.protocol(), slot.role(), State.ENABLED, basis, true, nonStandard, windows,
                "enabled and used by default" + defaults, deciding, source, covered);
    }

    /** One line for evidence. */
    public String describe() {
        String values = this.values.isEmpty() ? "" : " (" + String.join(", ",
                this.values.stream().map(v -> v.name() + "=" + v.number()).toList()) + ")";
        return protocol + " " + role + " is " + state.id() + values + ": " + reason;
    }

    /** What Windows does with a TLS version in one role. */
    public enum State implements WireValue {
        /** on and used by default */
        ENABLED("enabled"),
        /** {@code Enabled}=0, or the release does not support the version */
        DISABLED("disabled"),
        /** on, but not negotiated unless an application asks for it */
        DISABLED_BY_DEFAULT("disabled-by-default"),
        /** the inputs cannot decide */
        UNKNOWN("unknown");

        private final String id;

        State(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }

    /** What decided a {@link State}. */
    public enum Basis implements WireValue {
        /** a registry value */
        REGISTRY("registry"),
        /** the key or value is absent and the Windows release, whose default applies, is known */
        OS_DEFAULT("os-default"),
        /** the inputs cannot decide */
        UNKNOWN("unknown");

        private final String id;

        Basis(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }
    }
}
