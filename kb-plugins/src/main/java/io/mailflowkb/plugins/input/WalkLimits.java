package io.mailflowkb.plugins.input;

import io.mailflowkb.model.InvalidInputException;
import java.util.Locale;
import java.util.Map;

/**
 * What one walk of the evidence may cost, so a hostile archive ends quickly with a reason instead of filling the
 * disk, the heap or the afternoon: total bytes inflated from archives (every read of an entry counts), entries
 * per archive, the inflated/compressed ratio of one entry, and how deep archives may nest.
 *
 * @param maxInflatedBytes total bytes all archive entries may inflate to (default 4 GiB; collector option
 *                         {@code maxInflated}, CLI {@code --max-inflated})
 * @param maxEntries       entries read per archive (default 10,000)
 * @param maxRatio         an entry may inflate to at most this many times its compressed size, plus 1 MiB
 *                         (default 100: text logs compress 10-30 times; bombs 1,000 times)
 * @param maxDepth         archives inside archives, counting the outermost as 1 (default 3)
 */
public record WalkLimits(long maxInflatedBytes, int maxEntries, int maxRatio, int maxDepth) {

    public static final WalkLimits DEFAULTS = new WalkLimits(4L << 30, 10_000, 100, 3);

    /** Slack below the ratio, so tiny entries of repetitive text are never cut. */
    static final long RATIO_SLACK = 1L << 20;

    /** The defaults, with {@code maxInflated}, {@code maxEntries}, {@code maxRatio}, {@code maxDepth} from options. */
    public static WalkLimits from(Map<String, String> options) {
        WalkLimits d = DEFAULTS;
        return new WalkLimits(
                options.containsKey("maxInflated") ? size(options.get("maxInflated")) : d.maxInflatedBytes,
                options.containsKey("maxEntries") ? positive("maxEntries", options.get("maxEntries")) : d.maxEntries,
                options.containsKey("maxRatio") ? positive("maxRatio", options.get("maxRatio")) : d.maxRatio,
                options.containsKey("maxDepth") ? positive("maxDepth", options.get("maxDepth")) : d.maxDepth);
    }

    /** {@code 4g}, {@code 512m}, {@code 100k} or plain bytes. */
    public static long size(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        if (!t.isEmpty() && "kmgt".indexOf(t.charAt(t.length() - 1)) >= 0) {
            unit = 1L << (10 * ("kmgt".indexOf(t.charAt(t.length() - 1)) + 1));
            t = t.substring(0, t.length() - 1);
        }
        try {
            long n = Long.parseLong(t.strip());
            if (n <= 0 || n > Long.MAX_VALUE / unit) {
                throw new NumberFormatException();
            }
            return n * unit;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("--max-inflated", null, "expected a size such as 4g, 512m or 100000, not '"
                    + text + "'");
        }
    }

    private static int positive(String name, String text) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new InvalidInputException(name, null, "expected a positive whole number, not '" + text + "'");
    }

    static String human(long bytes) {
        if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) {
            return (bytes >> 30) + " GB";
        }
        if (bytes >= 1L << 20) {
            return (bytes >> 20) + " MB";
        }
        return bytes + " bytes";
    }
}
