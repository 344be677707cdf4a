package io.mailflowkb.rules.derive;

import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryValue;
import java.util.ArrayList;
import java.util.List;

/**
 * One SChannel protocol value that is not Microsoft's documented 0 or 1 (e.g. {@code Enabled = 0xffffffff}):
 * Windows reads it as any non-zero value, so it works, but other tools may flag it. One fact per
 * value, so the evidence lists exactly the non-standard values and not the standard ones beside them.
 */
public record NonStandardValue(String protocol, String role, String name, long number, RegistryValue value)
        implements Derived {

    public static List<NonStandardValue> of(ProtocolState s) {
        List<NonStandardValue> out = new ArrayList<>();
        for (RegistryValue v : s.values()) {
            if (v.number() > 1) {
                out.add(new NonStandardValue(s.protocol(), s.role(), v.name(), v.number(), v));
            }
        }
        return out;
    }

    @Override
    public Provenance source() {
        return value.source();
    }

    @Override
    public List<RegistryValue> values() {
        return List.of(value);
    }

    @Override
    public String describe() {
        return protocol + " " + role + " " + name + " = 0x" + Long.toHexString(number)
                + ": Windows reads it as " + (name.equalsIgnoreCase("Enabled") ? "on" : "disabled by default")
                + " (any non-zero value); Microsoft documents 1";
    }
}
