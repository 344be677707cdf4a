package io.mailflowkb.plugins.registry;

import java.util.List;
import java.util.Locale;

/** Tells a .reg text from {@code reg query} output from anything else, by content only. */
enum RegistryFormat {
    REG_FILE, REG_QUERY, UNKNOWN;

    /** How many leading lines {@link #sniff} wants to see. */
    static final int SNIFF_LINES = 200;

    static final String NOT_FOUND = "ERROR: The system was unable to find the specified registry key or value.";

    private static final List<String> FULL_ROOTS = List.of("HKEY_LOCAL_MACHINE", "HKEY_CURRENT_USER",
            "HKEY_CLASSES_ROOT", "HKEY_USERS", "HKEY_CURRENT_CONFIG", "HKEY_DYN_DATA", "HKEY_PERFORMANCE_DATA");
    private static final List<String> SHORT_ROOTS = List.of("HKLM", "HKCU", "HKCR", "HKU", "HKCC");

    /** The verdict and, for {@link #UNKNOWN}, the line that gave it away. */
    record Verdict(RegistryFormat format, String firstLine) {
    }

    static Verdict sniff(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String raw = stripBom(lines.get(i));
            String t = raw.strip();
            if (t.isEmpty() || t.startsWith(";")) {
                continue;
            }
            if (t.startsWith("Windows Registry Editor") || t.toUpperCase(Locale.ROOT).startsWith("REGEDIT")) {
                return new Verdict(REG_FILE, t);
            }
            if (t.startsWith("[") && root(t.substring(t.startsWith("[-") ? 2 : 1)) != null) {
                return new Verdict(REG_FILE, t);
            }
            if (root(t) != null && t.endsWith("]")) {
                return new Verdict(REG_FILE, t);      // a pasted snippet that lost its '['
            }
            if (t.equals(NOT_FOUND)) {
                return new Verdict(REG_QUERY, t);
            }
            if (raw.startsWith("HKEY_") && isFullRoot(root(t)) && queryShapeFollows(lines, i + 1)) {
                return new Verdict(REG_QUERY, t);
            }
            return new Verdict(UNKNOWN, t);
        }
        return new Verdict(UNKNOWN, "");
    }

    private static boolean queryShapeFollows(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            String raw = lines.get(i);
            if (raw.isBlank()) {
                continue;
            }
            return raw.startsWith("    ") && raw.contains("    REG_")
                    || raw.startsWith("HKEY_")
                    || raw.startsWith("End of search:");
        }
        return true;     // a lone key line: reg query of a key without values
    }

    static String stripBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    /** The root of a path as written ({@code HKEY_LOCAL_MACHINE}, {@code HKLM:}, {@code HKLM}), or null. */
    static String root(String path) {
        int cut = path.indexOf('\\');
        String r = (cut < 0 ? path : path.substring(0, cut)).strip();
        if (cut < 0 && r.endsWith("]")) {
            r = r.substring(0, r.length() - 1);
        }
        String bare = r.endsWith(":") ? r.substring(0, r.length() - 1) : r;
        String upper = bare.toUpperCase(Locale.ROOT);
        return FULL_ROOTS.contains(upper) || SHORT_ROOTS.contains(upper) ? r : null;
    }

    static boolean isFullRoot(String root) {
        return root != null && FULL_ROOTS.contains(root.toUpperCase(Locale.ROOT));
    }

    static boolean isDriveRoot(String root) {
        return root != null && root.endsWith(":");
    }
}
