package io.mailflowkb.plugins.psobject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers of an Exchange enum as {@code ConvertTo-Json} (without {@code -EnumsAsStrings}) and CLIXML's primitive
 * write them, with their names (docs/healthchecker.md, from decompiled Exchange sources [C10] and the
 * HealthChecker fixtures [C1]). A flags table decodes sums into comma-separated names, lowest bit first.
 */
public final class EnumTable {

    public static final EnumTable TLS_AUTH_LEVEL = plain(Map.of(1L, "EncryptionOnly", 2L, "CertificateValidation",
            4L, "DomainValidation"));
    public static final EnumTable AUTH_MECHANISMS = flags(ordered(0L, "None", 1L, "Tls", 2L, "Integrated",
            4L, "BasicAuth", 8L, "BasicAuthRequireTLS", 16L, "ExchangeServer", 32L, "ExternalAuthoritative"));
    public static final EnumTable CERTIFICATE_SERVICES = flags(ordered(0L, "None", 1L, "IMAP", 2L, "POP", 4L, "UM",
            8L, "IIS", 16L, "SMTP", 32L, "Federation", 64L, "UMCallRouter"));
    public static final EnumTable CERTIFICATE_STATUS = plain(ordered(0L, "Unknown", 1L, "Valid", 2L, "Revoked",
            3L, "DateInvalid", 4L, "Untrusted", 5L, "Invalid", 6L, "RevocationCheckFailure", 7L, "PendingRequest"));
    public static final EnumTable ROOT_CA_TYPE = plain(ordered(0L, "None", 1L, "ThirdParty", 2L, "Enterprise",
            3L, "Registry", 4L, "GroupPolicy", 5L, "Unknown"));
    public static final EnumTable TRANSPORT_ROLE = plain(Map.of(16384L, "FrontendTransport", 32L, "HubTransport"));
    public static final EnumTable NONE = plain(Map.of());

    private final Map<Long, String> names;
    private final boolean flags;

    private EnumTable(Map<Long, String> names, boolean flags) {
        this.names = names;
        this.flags = flags;
    }

    private static EnumTable plain(Map<Long, String> names) {
        return new EnumTable(names, false);
    }

    private static EnumTable flags(Map<Long, String> names) {
        return new EnumTable(names, true);
    }

    private static Map<Long, String> ordered(Object... pairs) {
        Map<Long, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((Long) pairs[i], (String) pairs[i + 1]);
        }
        return m;
    }

    /** The name of a value; flags as {@code A, B}; an unknown number as its digits. */
    public String name(long value) {
        if (!flags) {
            return names.getOrDefault(value, Long.toString(value));
        }
        if (value == 0) {
            return names.getOrDefault(0L, "0");
        }
        List<String> parts = new ArrayList<>();
        long rest = value;
        for (Map.Entry<Long, String> e : names.entrySet()) {
            long bit = e.getKey();
            if (bit != 0 && (value & bit) == bit) {
                parts.add(e.getValue());
                rest &= ~bit;
            }
        }
        if (rest != 0) {
            return Long.toString(value);
        }
        return String.join(", ", parts);
    }
}
