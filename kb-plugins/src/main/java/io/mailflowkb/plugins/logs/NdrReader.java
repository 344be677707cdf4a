package io.mailflowkb.plugins.logs;

import io.mailflowkb.model.fact.Provenance;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Reads an NDR / DSN saved as .eml (RFC 822 with MIME, usually {@code multipart/report}): the human text part,
 * the {@code message/delivery-status} part ({@code Status:}, {@code Diagnostic-Code:}, {@code Remote-MTA:}).
 * Quoted-printable and base64 bodies are decoded first: Exchange Online wraps its diagnostic text with QP soft
 * breaks that can split an SMTP code ({@code returned '4=} / {@code 50 4.4.312}, sisimai office365-06).
 * The returned original message ({@code message/rfc822}, {@code text/rfc822-headers}) is not scanned; HTML is
 * scanned only when no plain-text part came first (it repeats the same words). Peer class comes from
 * {@code Remote-MTA}, so hits are held until the message ends (at most {@link #MAX_PENDING}).
 */
final class NdrReader {

    static final int MAX_PENDING = 200;
    static final int MAX_BASE64 = 2 * 1024 * 1024;

    private record Hit(String text, int line) {
    }

    private enum Mode { HEADERS, TEXT, QP, BASE64, SKIP }

    private final String source;
    private final ScanContext ctx;
    private final Deque<String> boundaries = new ArrayDeque<>();
    private final List<Hit> pending = new ArrayList<>();
    private Mode mode = Mode.HEADERS;
    private boolean topLevel = true;
    private String contentType = "text/plain";
    private String encoding = "";
    private StringBuilder header;
    private final StringBuilder logical = new StringBuilder();
    private int logicalStart;
    private ByteArrayOutputStream base64;
    private StringBuilder base64Text;
    private int partStart;
    private boolean html;
    private boolean plainSeen;
    private String date;
    private String remoteMta;

    NdrReader(String source, ScanContext ctx) {
        this.source = source;
        this.ctx = ctx;
    }

    void read(TextLineReader in) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            ctx.tick();
            int no = (int) Math.min(Integer.MAX_VALUE, in.lineNumber());
            if (line.startsWith("--") && boundary(line)) {
                continue;
            }
            switch (mode) {
                case HEADERS -> header(line, no);
                case TEXT -> text(line, no);
                case QP -> qp(line, no);
                case BASE64 -> {
                    if (base64Text.length() < MAX_BASE64) {
                        base64Text.append(line.strip());
                    }
                }
                default -> { }
            }
        }
        endPart();
        String peer = remoteMta == null ? ExoEndpoints.UNKNOWN : ctx.matcher().peers().classify(remoteMta, null);
        for (Hit h : pending) {
            ctx.symptoms(h.text(), h.text(), null, peer, null, date, Provenance.of(source, h.line()));
        }
    }

    private boolean boundary(String line) {
        String l = line.stripTrailing();
        for (String b : boundaries) {
            if (l.equals("--" + b) || l.equals("--" + b + "--")) {
                endPart();
                while (!boundaries.peek().equals(b)) {
                    boundaries.pop();
                }
                if (l.endsWith("--") && !l.equals("--" + b)) {
                    boundaries.pop();
                    mode = Mode.SKIP;
                } else {
                    mode = Mode.HEADERS;
                    contentType = "text/plain";
                    encoding = "";
                    header = null;
                }
                return true;
            }
        }
        return false;
    }

    private void header(String line, int no) {
        if (line.isBlank()) {
            flushHeader();
            startBody(no);
            return;
        }
        if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && header != null) {
            if (header.length() < 8192) {
                header.append(' ').append(line.strip());
            }
            return;
        }
        flushHeader();
        header = new StringBuilder(line);
    }

    private void flushHeader() {
        if (header == null) {
            return;
        }
        String h = header.toString();
        header = null;
        int colon = h.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String name = h.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = h.substring(colon + 1).strip();
        switch (name) {
            case "content-type" -> contentType = value;
            case "content-transfer-encoding" -> encoding = value.toLowerCase(Locale.ROOT);
            case "date" -> {
                if (topLevel && date == null) {
                    date = isoDate(value);
                }
            }
            default -> { }
        }
    }

    private void startBody(int no) {
        String type = contentType.toLowerCase(Locale.ROOT);
        topLevel = false;
        partStart = no + 1;
        html = type.startsWith("text/html");
        if (type.startsWith("multipart/")) {
            String b = param(contentType, "boundary");
            if (b != null) {
                boundaries.push(b);
            }
            mode = Mode.SKIP; // preamble
            return;
        }
        boolean wanted = type.startsWith("text/plain") || type.startsWith("message/delivery-status")
                || (html && !plainSeen);
        if (!wanted) {
            mode = Mode.SKIP;
            return;
        }
        plainSeen |= type.startsWith("text/plain");
        if (encoding.contains("quoted-printable")) {
            mode = Mode.QP;
        } else if (encoding.contains("base64")) {
            mode = Mode.BASE64;
            base64Text = new StringBuilder();
        } else {
            mode = Mode.TEXT;
        }
    }

    private void endPart() {
        if (mode == Mode.QP && logical.length() > 0) {
            consider(decodeQp(logical), logicalStart);
            logical.setLength(0);
        }
        if (mode == Mode.BASE64 && base64Text != null) {
            byte[] bytes;
            try {
                bytes = Base64.getMimeDecoder().decode(base64Text.toString());
            } catch (IllegalArgumentException e) {
                ctx.warn(source, partStart, "base64 part does not decode: " + e.getMessage());
                bytes = new byte[0];
            }
            for (String l : new String(bytes, StandardCharsets.UTF_8).split("\r?\n")) {
                consider(l, partStart);
            }
            base64Text = null;
        }
    }

    private void qp(String line, int no) {
        if (logical.length() == 0) {
            logicalStart = no;
        }
        boolean soft = line.endsWith("=");
        if (logical.length() < TextLineReader.DEFAULT_MAX_LINE) {
            logical.append(line, 0, soft ? line.length() - 1 : line.length());
        }
        if (!soft) {
            consider(decodeQp(logical), logicalStart);
            logical.setLength(0);
        }
    }

    private void text(String line, int no) {
        consider(line, no);
    }

    private void consider(String text, int no) {
        String t = html ? stripHtml(text) : text;
        if (remoteMta == null && t.regionMatches(true, 0, "Remote-MTA:", 0, 11)) {
            String v = t.substring(11).strip();
            int semi = v.indexOf(';');
            remoteMta = (semi >= 0 ? v.substring(semi + 1) : v).strip();
        }
        if (pending.size() < MAX_PENDING && !ctx.matcher().match(t).isEmpty()) {
            pending.add(new Hit(t, no));
        }
    }

    static String decodeQp(CharSequence s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '=' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String stripHtml(String s) {
        return s.replaceAll("<[^>]*>", " ").replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#43;", "+").replace("&amp;", "&");
    }

    static String param(String header, String name) {
        String lower = header.toLowerCase(Locale.ROOT);
        int i = lower.indexOf(name.toLowerCase(Locale.ROOT) + "=");
        if (i < 0) {
            return null;
        }
        String v = header.substring(i + name.length() + 1).strip();
        if (v.startsWith("\"")) {
            int end = v.indexOf('"', 1);
            return end > 0 ? v.substring(1, end) : v.substring(1);
        }
        int end = v.indexOf(';');
        return (end >= 0 ? v.substring(0, end) : v).strip();
    }

    private static String isoDate(String value) {
        try {
            return OffsetDateTime.parse(value.replaceAll("\\s*\\(.*\\)$", "").strip(),
                    DateTimeFormatter.RFC_1123_DATE_TIME).withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
