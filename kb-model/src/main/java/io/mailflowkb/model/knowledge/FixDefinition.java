package io.mailflowkb.model.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A registry value a finding's remediation sets, in structured form so a fix script can be generated from it and
 * compared with the values the inputs show. Validated by the loader: {@code HKLM\} keys only, {@code REG_DWORD}
 * only, a value from 0 to 0xffffffff.
 *
 * <p>Most entries hold for every server the finding fires on. Findings about "a TLS version" (Client/Server
 * mismatch, half disabled) need an entry per version: {@code protocols} names the versions it is for and the key
 * may then say {@code <version>}, which becomes the version the finding's evidence names. Where the right value
 * is the administrator's decision (TLS 1.0/1.1 on or off: domain notes D14), {@code choice} names the decision,
 * and the entry is written only when the administrator made it ({@code kb diagnose --legacy-tls on|off}).
 *
 * @param key       full key path, e.g. {@code HKLM\SYSTEM\...\SCHANNEL\Protocols\TLS 1.2\Client}; with
 *                  {@code protocols}, {@code <version>} stands for the finding's version
 * @param name      value name, e.g. {@code Enabled}
 * @param type      {@code REG_DWORD}
 * @param value     the target value, decimal or {@code 0x} hex
 * @param protocols the TLS versions this entry is for ({@code TLS 1.0} ... {@code TLS 1.3}); empty: every finding
 * @param choice    the administrator's decision this entry carries out ({@code legacy-tls=on},
 *                  {@code legacy-tls=off}), or {@code null} when it needs none
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FixDefinition(String key, String name, String type, String value, List<String> protocols,
                            String choice) {

    /** Where a version-dependent key names its version. */
    public static final String VERSION = "<version>";

    public FixDefinition {
        protocols = protocols == null ? List.of() : List.copyOf(protocols);
    }

    /** An entry that holds for every server the finding fires on. */
    public FixDefinition(String key, String name, String type, String value) {
        this(key, name, type, value, List.of(), null);
    }

    /** The DWORD {@code value} names (decimal or {@code 0x} hex, 0 to 0xffffffff), or {@code null} when it is none. */
    public Long dword() {
        if (value == null) {
            return null;
        }
        try {
            String v = value.strip();
            long n = v.startsWith("0x") || v.startsWith("0X") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
            return n >= 0 && n <= 0xffffffffL ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether the entry is for some TLS versions only. */
    public boolean versionDependent() {
        return !protocols.isEmpty();
    }
}
