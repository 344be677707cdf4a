package io.mailflowkb.rules.derive;

import io.mailflowkb.model.knowledge.WindowsReleaseDefinition;
import java.util.List;
import java.util.Locale;

/**
 * The Windows release table, read from the knowledge ({@code windowsReleases:} rows): inserted into working memory
 * for the derivation of {@link ProtocolState}, and bound into the {@code HostProfile.windowsRelease} field the
 * knowledge tests.
 */
public record WindowsReleases(List<WindowsRelease> releases) {

    public WindowsReleases {
        releases = List.copyOf(releases);
    }

    /** The table of validated rows, in file order. */
    public static WindowsReleases of(List<WindowsReleaseDefinition> rows) {
        return new WindowsReleases(rows.stream().map(WindowsRelease::of).toList());
    }

    /**
     * The release for a build number and product name, or {@code null} when neither identifies one. The name wins,
     * and the longest release name the product contains, so "Windows Server 2008 R2 Standard" is 2008 R2, not 2008.
     */
    public WindowsRelease identify(Integer build, String productName) {
        if (productName != null) {
            String p = productName.toLowerCase(Locale.ROOT);
            WindowsRelease byName = null;
            for (WindowsRelease r : releases) {
                if (p.contains(r.displayName().toLowerCase(Locale.ROOT))
                        && (byName == null || r.displayName().length() > byName.displayName().length())) {
                    byName = r;
                }
            }
            if (byName != null) {
                return byName;
            }
        }
        if (build != null) {
            for (WindowsRelease r : releases) {
                if (build >= r.firstBuild() && build <= r.lastBuild()) {
                    return r;
                }
            }
        }
        return null;
    }
}
