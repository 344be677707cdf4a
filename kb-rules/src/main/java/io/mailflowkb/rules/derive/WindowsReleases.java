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
            boolean ascii = isAscii(productName); // once per call, not per row
            WindowsRelease byName = null;
            for (WindowsRelease r : releases) {
                if (containsIgnoringCase(productName, ascii, r.displayName())
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

    /**
     * {@code text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT))}, without the two copies when both
     * are ASCII (where lower case is A-Z to a-z, one character for one): rules derive eight protocol states per
     * bundle, each identifying the release by name against every row. Any other text takes the exact JDK path.
     */
    static boolean containsIgnoringCase(String text, String part) {
        return containsIgnoringCase(text, isAscii(text), part);
    }

    private static boolean containsIgnoringCase(String text, boolean textIsAscii, String part) {
        if (!textIsAscii || !isAscii(part)) {
            return text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
        }
        int m = part.length();
        for (int i = 0, last = text.length() - m; i <= last; i++) {
            int j = 0;
            while (j < m && lowerAscii(text.charAt(i + j)) == lowerAscii(part.charAt(j))) {
                j++;
            }
            if (j == m) {
                return true;
            }
        }
        return false;
    }

    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
