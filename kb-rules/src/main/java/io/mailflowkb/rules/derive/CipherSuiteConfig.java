package io.mailflowkb.rules.derive;

import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryValue;
import java.util.List;

/**
 * The TLS cipher suite list SChannel uses, and what it shares with Exchange Online's list (the references of finding
 * cipher-suite-mismatch in knowledge/). The Group Policy list
 * ({@code SOFTWARE\Policies\...\SSL\00010002 Functions}) wins over the
 * local one; with neither, Windows uses its default list, which this tool does not judge.
 *
 * @param origin     {@code group-policy}, {@code local} or {@code windows-default}
 * @param configured a list was found ({@code origin} is not {@code windows-default})
 * @param suites     how many suites the effective list names
 * @param exoShared  how many of them Exchange Online accepts
 * @param shared     the shared suites, comma-separated ({@code ""} when none)
 */
public record CipherSuiteConfig(String origin, boolean configured, long suites, long exoShared, String shared,
                                List<RegistryValue> values, Provenance source) implements Derived {

    /** Exchange Online's TLS 1.2 suites, strongest first (references of finding cipher-suite-mismatch in knowledge/). */
    public static final List<String> EXO_SUITES = List.of(
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
            "TLS_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_RSA_WITH_AES_128_GCM_SHA256");

    public CipherSuiteConfig {
        values = List.copyOf(values);
    }

    @Override
    public String describe() {
        if (!configured) {
            return "no cipher suite list is configured: Windows uses its default list";
        }
        return "the " + (origin.equals("group-policy") ? "Group Policy" : "local") + " cipher suite list names "
                + suites + " suites, " + exoShared + " of them accepted by Exchange Online"
                + (shared.isEmpty() ? "" : " (" + shared + ")");
    }
}
