package io.mailflowkb.model.fix;

/**
 * One registry value a finding's fix sets on the diagnosed server: a knowledge {@code fix} entry resolved for the
 * evidence at hand ({@code <version>} replaced by the version the finding is about).
 *
 * @param key      full key path, {@code HKLM\...}
 * @param name     value name
 * @param value    the REG_DWORD target, 0 to 0xffffffff
 * @param protocol the TLS version the value is for, or {@code null} when the entry holds for every version
 * @param choice   the administrator's decision the value carries out, or {@code null} when it needs none
 */
public record RegistryFix(String key, String name, long value, String protocol, FixChoice choice) {

    /** Whether the value may be written without a decision of the administrator's, or with the one given. */
    public boolean allowedWith(java.util.Set<FixChoice> chosen) {
        return choice == null || chosen.contains(choice);
    }
}
