package io.mailflowkb.plugins.logs;

import io.mailflowkb.model.fact.Provenance;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Rebuilds SMTP sessions of one protocol log from interleaved lines (keyed by session-id) and records what the
 * knowledge needs: the TLS outcome per session, with the remote's class, and plain retries refused with
 * {@code 451 5.7.3}. Replies are {@code <} lines in send logs and {@code >} lines in receive logs [S31].
 * Memory is bounded: a session ends at its {@code -} line, and sessions silent for {@link #MAX_AGE_LINES}
 * lines or beyond {@link #MAX_SESSIONS} open ones are dropped (everything they showed was already counted).
 */
final class SessionTracker {

    static final int MAX_SESSIONS = 10_000;
    static final int MAX_AGE_LINES = 1_000_000;

    private static final class Session {
        String remoteIp;
        String host;
        String direction;
        boolean directionFromContent;
        boolean startTlsTried;
        int lastLine;
        String endpoint;
        String peer;
    }

    private final String source;
    private final String fileDirection;
    private final ScanContext ctx;
    private final LinkedHashMap<String, Session> sessions = new LinkedHashMap<>(256, 0.75f, true);
    private final Map<String, String> protocolNames = new HashMap<>();

    SessionTracker(String source, String fileDirection, ScanContext ctx) {
        this.source = source;
        this.fileDirection = fileDirection;
        this.ctx = ctx;
    }

    void accept(ProtocolLine l) {
        accept(l, true);
    }

    /**
     * @param mayShowSymptom false when the reader already knows from the line's bytes that it shows no symptom
     *                       (the byte search is exact on ASCII lines), so the text is not searched again
     */
    void accept(ProtocolLine l, boolean mayShowSymptom) {
        Session s = sessions.get(l.sessionId());
        if (s == null) {
            s = new Session();
            sessions.put(l.sessionId(), s);
            evict(l.line());
        }
        s.lastLine = l.line();
        String endpoint = l.remoteEndpoint();
        if (!endpoint.isEmpty() && !endpoint.equals(s.endpoint)) {
            s.endpoint = endpoint;
            s.remoteIp = ExoEndpoints.hostOfEndpoint(endpoint);
            s.peer = null;
        }
        guessDirection(s, l);
        boolean send = "outbound".equals(s.direction);
        String data = l.data();
        char ev = l.event();
        boolean reply = send ? ev == '<' : ev == '>';
        boolean command = send ? ev == '>' : ev == '<';
        if (reply) {
            if (send && s.host == null && data.startsWith("220 ") && !data.startsWith("220 2.0.0")) {
                s.host = firstToken(data.substring(4)); // banner: "220 host Microsoft ESMTP MAIL Service ready"
                s.peer = null;
            }
        } else if (command) {
            String upper = data.length() > 10 ? data.substring(0, 10).toUpperCase(Locale.ROOT) : data.toUpperCase(Locale.ROOT);
            if (upper.startsWith("STARTTLS")) {
                s.startTlsTried = true;
            } else if (!send && s.host == null && (upper.startsWith("EHLO ") || upper.startsWith("HELO "))) {
                s.host = firstToken(data.substring(5));
                s.peer = null;
            }
        }
        if (s.peer == null) {
            s.peer = ctx.matcher().peers().classify(s.host, s.remoteIp); // once per change, not per line
        }
        String peer = s.peer;
        if (ev == '*') {
            tls(s, l, peer);
        }
        if (send && reply && data.startsWith("451 5.7.3") && !s.startTlsTried) {
            ctx.fallback().plainRejected(remoteKey(s), l.time(), l.raw(), l.connector(), peer,
                    new Provenance(source, l.line(), Tally.truncate(l.raw())));
        }
        if (mayShowSymptom) {
            ctx.symptoms(l.raw(), l.raw(), s.direction, peer, l.connector(), l.time(), source, l.line());
        }
        if (ev == '-') {
            sessions.remove(l.sessionId());
        }
    }

    private void tls(Session s, ProtocolLine l, String peer) {
        String text = l.text();
        if (text.indexOf("TLS") < 0 && text.indexOf("tls") < 0) {
            return;
        }
        Provenance where = Provenance.of(source, l.line());
        TlsText.Success ok = TlsText.success(text);
        if (ok != null) {
            String cipher = ok.bulk() + "/" + ok.mac() + "/" + ok.keyExchange();
            ctx.aggregator().tls(new FactAggregator.TlsKey(s.direction, peer, l.connector(),
                    protocolName(ok), "succeeded", null), cipher, l.time(), l.raw(), where);
            return;
        }
        String error = TlsText.failure(text);
        if (error != null) {
            ctx.aggregator().tls(new FactAggregator.TlsKey(s.direction, peer, l.connector(), null, "failed", error),
                    null, l.time(), l.raw(), where);
            if ("outbound".equals(s.direction)) {
                // the fallback symptom cites this line beside the refusal: each sample carries its own text
                ctx.fallback().tlsFailed(remoteKey(s), l.time(), new Provenance(source, l.line(), Tally.truncate(l.raw())));
            }
        }
    }

    /** The protocol's display name, kept for the few a log names (a bounded map: names come from the log). */
    private String protocolName(TlsText.Success ok) {
        String name = protocolNames.get(ok.protocol());
        if (name == null) {
            name = protocolName(ok.protocol());
            if (protocolNames.size() < 64) {
                protocolNames.put(ok.protocol(), name);
            }
        }
        return name;
    }

    /** {@code TLS1_2} -> {@code TLS 1.2}; {@code SSL3} -> {@code SSL 3.0}. */
    static String protocolName(String p) {
        String u = p.toUpperCase(Locale.ROOT);
        if (u.startsWith("TLS")) {
            String v = u.substring(3).replace('_', '.');
            return "TLS " + (v.isEmpty() ? "1.0" : v.contains(".") ? v : v + ".0");
        }
        if (u.startsWith("SSL")) {
            return "SSL " + u.substring(3) + ".0";
        }
        return u;
    }

    /**
     * Without a {@code #Log-type} header (logs pasted into documents) the direction comes from the content:
     * who sends commands, which Schannel role negotiated, and else the connector id: receive connectors are
     * written {@code SERVER\Name}, send connectors by bare name [S31].
     */
    private void guessDirection(Session s, ProtocolLine l) {
        if (fileDirection != null) {
            s.direction = fileDirection;
            return;
        }
        if (s.directionFromContent) {
            return;
        }
        String clue = contentClue(l);
        if (clue != null) {
            s.direction = clue;
            s.directionFromContent = true;
        } else if (s.direction == null) {
            s.direction = l.connector().indexOf('\\') >= 0 ? "inbound" : l.connector().isBlank() ? "unknown"
                    : "outbound";
        }
    }

    private static String contentClue(ProtocolLine l) {
        String d = l.data();
        boolean isReply = d.length() >= 4 && Character.isDigit(d.charAt(0)) && Character.isDigit(d.charAt(1))
                && Character.isDigit(d.charAt(2)) && (d.charAt(3) == ' ' || d.charAt(3) == '-');
        String u = d.length() > 9 ? d.substring(0, 9).toUpperCase(Locale.ROOT) : d.toUpperCase(Locale.ROOT);
        boolean isCommand = u.startsWith("EHLO") || u.startsWith("HELO") || u.startsWith("STARTTLS")
                || u.startsWith("MAIL FROM") || u.startsWith("RCPT TO");
        if (l.event() == '>') {
            return isCommand ? "outbound" : isReply ? "inbound" : null;
        }
        if (l.event() == '<') {
            return isCommand ? "inbound" : isReply ? "outbound" : null;
        }
        String t = l.text();
        if (t.contains("_CLIENT negotiation")) {
            return "outbound";
        }
        return t.contains("_SERVER negotiation") ? "inbound" : null;
    }

    private static String remoteKey(Session s) {
        return s.remoteIp != null ? s.remoteIp : s.host;
    }

    private static String firstToken(String s) {
        String t = s.strip();
        int sp = t.indexOf(' ');
        String tok = sp < 0 ? t : t.substring(0, sp);
        return tok.indexOf('.') > 0 ? tok : null; // "220 2.0.0" or "[1.2.3.4]" style tokens are not host names
    }

    private void evict(int line) {
        Iterator<Map.Entry<String, Session>> it = sessions.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Session> e = it.next();
            if (sessions.size() > MAX_SESSIONS || line - e.getValue().lastLine > MAX_AGE_LINES) {
                it.remove();
            } else {
                break;
            }
        }
    }

    int openSessions() {
        return sessions.size();
    }
}
