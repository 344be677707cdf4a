package io.mailflowkb.cli.input;

/** Tells a fact bundle ({@code kb collect -o}) from other evidence by its first bytes. */
final class BundleSniffer {

    /** Bundles are small; the codec refuses documents past its own limit anyway. */
    static final int MAX_BUNDLE_BYTES = 64 * 1024 * 1024;

    private BundleSniffer() {
    }

    /** A YAML bundle has {@code schemaVersion:} at the start of a line; a JSON one a {@code "schemaVersion"} key. */
    static boolean looksLikeBundle(String head) {
        if (head == null) {
            return false;
        }
        String t = head.stripLeading();
        if (t.startsWith("{")) {
            return t.contains("\"schemaVersion\"");
        }
        for (String line : t.lines().limit(200).toList()) {
            if (line.startsWith("schemaVersion:")) {
                return true;
            }
            if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("---")) {
                return false;
            }
        }
        return false;
    }
}
