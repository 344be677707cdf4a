package io.mailflowkb.rules.derive;

import java.util.Locale;

/**
 * Windows Server releases and what SChannel does for each TLS version when no registry value says otherwise.
 * Defaults: the references of findings tls12-client-disabled and legacy-tls-enabled in knowledge/; build numbers:
 * Microsoft's "Windows Server
 * release information" (https://learn.microsoft.com/windows/release-health/windows-server-release-info) and
 * "Windows Server 2008 / 2008 R2 / 2012 / 2012 R2 lifecycle" pages.
 */
public enum WindowsRelease {
    // TLS 1.0, 1.1, 1.2, 1.3 defaults
    SERVER_2008("Windows Server 2008", 6001, 6003,
            OsDefault.ON, OsDefault.OFF_BY_DEFAULT, OsDefault.OFF_BY_DEFAULT, OsDefault.UNSUPPORTED),
    SERVER_2008_R2("Windows Server 2008 R2", 7600, 7601,
            OsDefault.ON, OsDefault.OFF_BY_DEFAULT, OsDefault.OFF_BY_DEFAULT, OsDefault.UNSUPPORTED),
    SERVER_2012("Windows Server 2012", 9200, 9200,
            OsDefault.ON, OsDefault.ON, OsDefault.ON, OsDefault.UNSUPPORTED),
    SERVER_2012_R2("Windows Server 2012 R2", 9600, 9600,
            OsDefault.ON, OsDefault.ON, OsDefault.ON, OsDefault.UNSUPPORTED),
    SERVER_2016("Windows Server 2016", 14393, 14393,
            OsDefault.ON, OsDefault.ON, OsDefault.ON, OsDefault.UNSUPPORTED),
    SERVER_2019("Windows Server 2019", 17763, 17763,
            OsDefault.ON, OsDefault.ON, OsDefault.ON, OsDefault.UNSUPPORTED),
    // TLS 1.0/1.1 defaults on 2022 and 2025 are not confirmed by any reference the knowledge cites: treated as unknown.
    SERVER_2022("Windows Server 2022", 20348, 20348,
            OsDefault.UNKNOWN, OsDefault.UNKNOWN, OsDefault.ON, OsDefault.ON),
    SERVER_2025("Windows Server 2025", 26100, 26100,
            OsDefault.UNKNOWN, OsDefault.UNKNOWN, OsDefault.ON, OsDefault.ON);

    private final String displayName;
    private final int firstBuild;
    private final int lastBuild;
    private final OsDefault[] defaults;

    WindowsRelease(String displayName, int firstBuild, int lastBuild, OsDefault tls10, OsDefault tls11,
                   OsDefault tls12, OsDefault tls13) {
        this.displayName = displayName;
        this.firstBuild = firstBuild;
        this.lastBuild = lastBuild;
        this.defaults = new OsDefault[] {tls10, tls11, tls12, tls13};
    }

    public String displayName() {
        return displayName;
    }

    /** What SChannel does for a protocol ({@code TLS 1.0} ... {@code TLS 1.3}) with no registry value. */
    public OsDefault defaultFor(String protocol) {
        return switch (protocol) {
            case "TLS 1.0" -> defaults[0];
            case "TLS 1.1" -> defaults[1];
            case "TLS 1.2" -> defaults[2];
            case "TLS 1.3" -> defaults[3];
            default -> OsDefault.UNKNOWN;
        };
    }

    /** The release for a build number and product name, or {@code null} when neither identifies one. */
    public static WindowsRelease identify(Integer build, String productName) {
        if (productName != null) {
            String p = productName.toLowerCase(Locale.ROOT);
            WindowsRelease byName = null;
            for (WindowsRelease r : values()) {
                if (p.contains(r.displayName.toLowerCase(Locale.ROOT))) {
                    byName = r; // later entries are longer names ("2008 R2" after "2008"), so keep the last hit
                }
            }
            if (byName != null) {
                return byName;
            }
        }
        if (build != null) {
            for (WindowsRelease r : values()) {
                if (build >= r.firstBuild && build <= r.lastBuild) {
                    return r;
                }
            }
        }
        return null;
    }

    /** What the OS does for a protocol version when the registry is silent. */
    public enum OsDefault {
        /** enabled and used by default */
        ON,
        /** supported, but not used unless enabled in the registry (DisabledByDefault) */
        OFF_BY_DEFAULT,
        /** not available on this release */
        UNSUPPORTED,
        /** not documented well enough to decide */
        UNKNOWN
    }
}
