package io.mailflowkb.model.fact;

import java.util.Locale;
import java.util.Map;

/** Registry paths: one spelling for roots, case-insensitive comparison, as Windows treats them. */
public final class RegistryPaths {

    public static final String SCHANNEL = "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL";
    public static final String SCHANNEL_PROTOCOLS = SCHANNEL + "\\Protocols";

    private static final Map<String, String> ROOTS = Map.of(
            "HKEY_LOCAL_MACHINE", "HKLM",
            "HKEY_CURRENT_USER", "HKCU",
            "HKEY_CLASSES_ROOT", "HKCR",
            "HKEY_USERS", "HKU",
            "HKEY_CURRENT_CONFIG", "HKCC");

    private RegistryPaths() {
    }

    /**
     * The canonical spelling: abbreviated root in upper case, no trailing backslash. PowerShell drive names
     * ({@code HKLM:\}) are accepted because admins paste them. A forward slash is an ordinary character of a key
     * name ({@code Ciphers\RC4 128/128}), never a separator: Windows key names may contain it.
     */
    public static String canonical(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("empty registry path");
        }
        if (isCanonical(path)) {
            return path; // the common case: keys in facts are stored canonical, and rules compare them per match
        }
        return respelled(path);
    }

    /** {@link #canonical} without the shortcut for a path already canonical. */
    static String respelled(String path) {
        String p = path.strip();
        while (p.endsWith("\\")) {
            p = p.substring(0, p.length() - 1);
        }
        int cut = p.indexOf('\\');
        String root = cut < 0 ? p : p.substring(0, cut);
        String rest = cut < 0 ? "" : p.substring(cut);
        if (root.endsWith(":")) {
            root = root.substring(0, root.length() - 1);
        }
        String upper = root.toUpperCase(Locale.ROOT);
        String shortRoot = ROOTS.getOrDefault(upper, upper);
        return shortRoot + rest;
    }

    public static boolean equal(String a, String b) {
        if (a != null && a.equals(b) && !a.isBlank()) {
            return true; // the same text is the same path (canonical() would only throw for a blank one)
        }
        String ca = canonical(a);
        String cb = canonical(b);
        if (ca.length() != cb.length()) {
            return false; // equalsIgnoreCase compares lengths first too
        }
        int tail = asciiTail(ca, cb);
        return tail == ASCII_EQUAL || tail != ASCII_DIFFERS && ca.equalsIgnoreCase(cb);
    }

    private static final int ASCII_DIFFERS = -1;
    private static final int ASCII_EQUAL = 1;

    /**
     * Two paths of equal length compared from the end over the ASCII characters both end with: {@link #ASCII_DIFFERS}
     * at the first pair that differs ignoring case, {@link #ASCII_EQUAL} when both are ASCII throughout and equal
     * ignoring case, else 0 (a non-ASCII character reached: equalsIgnoreCase decides). Rules compare every
     * registry value with every SChannel slot per diagnosis, and those paths share a long prefix and differ near the
     * end ({@code TLS 1.0} / {@code TLS 1.2}, {@code Client} / {@code Server}), which equalsIgnoreCase reaches last.
     * The answer is equalsIgnoreCase's: ASCII characters are equal ignoring case only as ASCII letters, and
     * equal-length texts that are equal ignoring case match code point by code point, so also from the end.
     */
    private static int asciiTail(String a, String b) {
        for (int i = a.length() - 1; i >= 0; i--) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x >= 0x80 || y >= 0x80) {
                return 0;
            }
            if (x != y) {
                int lower = x | 0x20;
                if (lower != (y | 0x20) || lower < 'a' || lower > 'z') {
                    return ASCII_DIFFERS;
                }
            }
        }
        return ASCII_EQUAL;
    }

    public static boolean isAncestor(String ancestor, String descendant) {
        String a = canonical(ancestor);
        String d = canonical(descendant);
        return d.length() > a.length() && d.charAt(a.length()) == '\\' && d.regionMatches(true, 0, a, 0, a.length());
    }

    /**
     * Already in canonical spelling: a short upper-case root, no outer blanks or trailing '\'. Rules call this twice
     * per comparison, so it reads characters: no substring, no map walk, no loop over the roots.
     */
    static boolean isCanonical(String p) {
        int n = p.length();
        if (n < 3 || p.charAt(0) != 'H' || p.charAt(1) != 'K') {
            return false; // every short root starts with HK; a blank or lower-case start is not canonical either
        }
        boolean shortRoot;
        if (n == 3 || p.charAt(3) == '\\') {
            shortRoot = p.charAt(2) == 'U'; // HKU
        } else if (n == 4 || p.charAt(4) == '\\') {
            char c2 = p.charAt(2);
            char c3 = p.charAt(3);
            shortRoot = c2 == 'L' && c3 == 'M' || c2 == 'C' && (c3 == 'U' || c3 == 'R' || c3 == 'C'); // HKLM HKCU HKCR HKCC
        } else {
            shortRoot = false;
        }
        char last = p.charAt(n - 1);
        return shortRoot && last != '\\' && !Character.isWhitespace(last);
    }

    /** The path without the well-known prefixes, for evidence lines: {@code SCHANNEL TLS 1.2\Client}. */
    public static String shortName(String path) {
        String c = canonical(path);
        // exports write the prefix in this case: startsWith answers first, far cheaper than regionMatches ignoring
        // case (a few percent of a warm diagnosis, one call per registry evidence line); it implies the same answer
        if (c.startsWith(PROTOCOLS_PREFIX)
                || c.regionMatches(true, 0, PROTOCOLS_PREFIX, 0, PROTOCOLS_PREFIX.length())) {
            return "SCHANNEL " + c.substring(PROTOCOLS_PREFIX.length());
        }
        return c;
    }

    private static final String PROTOCOLS_PREFIX = SCHANNEL_PROTOCOLS + "\\";
}
