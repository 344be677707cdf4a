package io.mailflowkb.rules.derive;

import io.mailflowkb.model.knowledge.WindowsReleaseDefinition;
import java.util.List;

/**
 * A Windows Server release and what SChannel does for each TLS version when no registry value says otherwise: one
 * row of the knowledge's Windows release table ({@code knowledge/tls-deprecation/windows-releases.yaml}, which
 * names each row's sources), checked by the loader.
 *
 * @param defaults TLS 1.0, 1.1, 1.2 and 1.3, in that order
 */
public record WindowsRelease(String displayName, int firstBuild, int lastBuild, List<OsDefault> defaults) {

    private static final List<String> PROTOCOLS = List.of("TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3");

    public WindowsRelease {
        defaults = List.copyOf(defaults);
    }

    /** The release a validated row describes. */
    public static WindowsRelease of(WindowsReleaseDefinition row) {
        return new WindowsRelease(row.release(), row.firstBuild(), row.lastBuild(),
                row.defaults().stream().map(OsDefault::of).toList());
    }

    /** What SChannel does for a protocol ({@code TLS 1.0} ... {@code TLS 1.3}) with no registry value. */
    public OsDefault defaultFor(String protocol) {
        int i = PROTOCOLS.indexOf(protocol);
        return i < 0 ? OsDefault.UNKNOWN : defaults.get(i);
    }

    /** What the OS does for a protocol version when the registry is silent. */
    public enum OsDefault {
        /** enabled and used by default */
        ON("enabled"),
        /** supported, but not used unless enabled in the registry (DisabledByDefault) */
        OFF_BY_DEFAULT("disabled-by-default"),
        /** not available on this release */
        UNSUPPORTED("unsupported"),
        /** not documented well enough to decide */
        UNKNOWN("unknown");

        private final String spelling;

        OsDefault(String spelling) {
            this.spelling = spelling;
        }

        /** The default a table row spells ({@link WindowsReleaseDefinition#DEFAULTS}); UNKNOWN for anything else. */
        public static OsDefault of(String spelling) {
            for (OsDefault d : values()) {
                if (d.spelling.equals(spelling)) {
                    return d;
                }
            }
            return UNKNOWN;
        }
    }
}
