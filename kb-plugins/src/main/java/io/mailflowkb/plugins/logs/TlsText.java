package io.mailflowkb.plugins.logs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the outcome of a TLS negotiation from a protocol log line's text [S30][S59]: success with protocol and
 * cipher parts, or failure with its error. The two patterns below define the result. They ran on every TLS line
 * of a 1 GB scan, and their lazy {@code .*?} parts backtrack over the long success line (15 % of the profile),
 * so the usual shape is read by hand first: find each fixed part at the first place the regex could use it and
 * take each {@code \w+} run whole, which is the regex's own first choice. Whenever that first choice does not
 * complete (a part missing after it, an empty run, a line terminator in a {@code .*?} gap) the regex decides,
 * so the answer is the regex's on every text ({@code TlsTextTest} compares both over seeded random text).
 */
final class TlsText {

    // format string from the transport code [S30][S59]
    static final Pattern SUCCESS = Pattern.compile("TLS protocol (SP_PROT[_-](\\w+?)_(?:CLIENT|SERVER))"
            + " negotiation succeeded using bulk encryption algorithm (\\w+).*?MAC hash algorithm (\\w+)"
            + ".*?key exchange algorithm (\\w+)", Pattern.CASE_INSENSITIVE);
    static final Pattern FAILURE = Pattern.compile("TLS negotiation failed with error ([\\w.-]+)",
            Pattern.CASE_INSENSITIVE);

    // the fixed parts: CASE_INSENSITIVE without UNICODE_CASE folds ASCII letters only
    private static final Part HEAD = Part.of("TLS protocol SP_PROT");
    private static final Part CLIENT = Part.of("_CLIENT negotiation succeeded using bulk encryption algorithm ");
    private static final Part SERVER = Part.of("_SERVER negotiation succeeded using bulk encryption algorithm ");
    private static final Part MAC = Part.of("MAC hash algorithm ");
    private static final Part KEY = Part.of("key exchange algorithm ");
    private static final Part FAILED = Part.of("TLS negotiation failed with error ");

    /**
     * A fixed part as Exchange writes it, and in lower and upper case (only ASCII letters differ): the written
     * form is compared first, in one String comparison.
     */
    private record Part(String written, String lower, String upper) {
        static Part of(String written) {
            StringBuilder lower = new StringBuilder(written.length());
            StringBuilder upper = new StringBuilder(written.length());
            for (int i = 0; i < written.length(); i++) {
                char c = written.charAt(i);
                lower.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
                upper.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
            }
            return new Part(written, lower.toString(), upper.toString());
        }

        int length() {
            return lower.length();
        }
    }

    /** A negotiated protocol as the log names it ({@code TLS1_2}) and the cipher parts. */
    record Success(String protocol, String bulk, String mac, String keyExchange) {
    }

    private TlsText() {
    }

    /** What {@link #SUCCESS} finds first in {@code text}, or {@code null}. */
    static Success success(String text) {
        int start = indexOf(text, HEAD, 0);
        if (start < 0) {
            return null; // every match starts with HEAD
        }
        int len = text.length();
        int p = start + HEAD.length();
        if (p >= len || text.charAt(p) != '_' && text.charAt(p) != '-') {
            return bySuccessRegex(text);
        }
        p++;
        // \w+? then _CLIENT or _SERVER and the rest of that part: the first end that fits is the only one, since
        // the part holds a space, which the run cannot cross
        int q = p + 1;
        int tail = -1;
        for (; q <= len && word(text.charAt(q - 1)); q++) {
            if (at(text, q, CLIENT) || at(text, q, SERVER)) {
                tail = q + CLIENT.length();
                break;
            }
        }
        if (tail < 0) {
            return bySuccessRegex(text);
        }
        int bulkEnd = run(text, tail);
        int mac = bulkEnd > tail ? gap(text, bulkEnd, MAC) : -1;
        int macEnd = mac < 0 ? -1 : run(text, mac);
        int key = macEnd > mac && mac >= 0 ? gap(text, macEnd, KEY) : -1;
        int keyEnd = key < 0 ? -1 : run(text, key);
        if (keyEnd <= key) {
            return bySuccessRegex(text);
        }
        return new Success(text.substring(p, q), text.substring(tail, bulkEnd), text.substring(mac, macEnd),
                text.substring(key, keyEnd));
    }

    /** The error {@link #FAILURE} finds first in {@code text}, trailing dots removed, or {@code null}. */
    static String failure(String text) {
        int at = indexOf(text, FAILED, 0);
        if (at < 0) {
            return null;
        }
        int from = at + FAILED.length();
        int end = from;
        while (end < text.length() && (word(text.charAt(end)) || text.charAt(end) == '.' || text.charAt(end) == '-')) {
            end++;
        }
        String error;
        if (end > from) {
            error = text.substring(from, end);
        } else {
            Matcher m = FAILURE.matcher(text); // a later occurrence may carry the error
            if (!m.find()) {
                return null;
            }
            error = m.group(1);
        }
        int keep = error.length();
        while (keep > 0 && error.charAt(keep - 1) == '.') {
            keep--;
        }
        return error.substring(0, keep);
    }

    private static Success bySuccessRegex(String text) {
        Matcher m = SUCCESS.matcher(text);
        return m.find() ? new Success(m.group(2), m.group(3), m.group(4), m.group(5)) : null;
    }

    /**
     * Where the text after the first {@code part} at or after {@code from} begins, when no line terminator comes
     * before it (what {@code .*?part} matches first); -1 otherwise.
     */
    private static int gap(String text, int from, Part part) {
        char first = part.lower().charAt(0);
        char firstUpper = part.upper().charAt(0);
        int last = text.length() - part.length();
        for (int i = from; i <= last; i++) {
            char c = text.charAt(i);
            if ((c == first || c == firstUpper) && at(text, i, part)) {
                return i + part.length();
            }
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return -1; // '.' does not match it, and the part is not before it
            }
        }
        return -1;
    }

    /** End of the run of {@code \w} characters starting at {@code from}. */
    private static int run(String text, int from) {
        int i = from;
        while (i < text.length() && word(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** {@code \w} without UNICODE_CHARACTER_CLASS: {@code [a-zA-Z_0-9]}. */
    private static boolean word(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** First index of {@code part} in {@code text} from {@code from}, ASCII letters folded. */
    private static int indexOf(String text, Part part, int from) {
        String lower = part.lower();
        char first = lower.charAt(0);
        char firstUpper = part.upper().charAt(0);
        int last = text.length() - lower.length();
        for (int i = from; i <= last; i++) {
            char c = text.charAt(i);
            if ((c == first || c == firstUpper) && at(text, i, part)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean at(String text, int i, Part part) {
        String lower = part.lower();
        String upper = part.upper();
        if (i + lower.length() > text.length()) {
            return false;
        }
        if (text.startsWith(part.written(), i)) {
            return true;
        }
        for (int k = 0; k < lower.length(); k++) {
            char c = text.charAt(i + k);
            if (c != lower.charAt(k) && c != upper.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
