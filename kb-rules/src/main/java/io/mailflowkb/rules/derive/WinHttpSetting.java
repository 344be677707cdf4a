package io.mailflowkb.rules.derive;

import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryValue;
import java.util.List;

/**
 * WinHTTP's {@code DefaultSecureProtocols} in one registry view. Only Windows Server 2008 R2 SP1 and 2012 need it
 * (with KB3140245) so that WinHTTP applications using the default flag can use TLS 1.2; the TLS 1.2 bit is
 * {@code 0x00000800} (the references of finding windows-prerequisite-missing in knowledge/).
 *
 * @param view    {@code native} or {@code wow6432node}
 * @param covered the inputs include the key, so an absent value is known to be absent
 * @param tls12   the value is present and has the TLS 1.2 bit
 */
public record WinHttpSetting(String key, String view, Long value, boolean covered, boolean tls12,
                             List<RegistryValue> values, Provenance source) implements Derived {

    public static final long TLS12_BIT = 0x800;

    public WinHttpSetting {
        values = List.copyOf(values);
    }

    @Override
    public String describe() {
        return key + " DefaultSecureProtocols " + (value == null ? "is absent"
                : "= 0x" + String.format("%08x", value) + (tls12 ? " (includes TLS 1.2)" : " (no TLS 1.2 bit 0x00000800)"));
    }
}
