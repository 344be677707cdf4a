package io.mailflowkb.plugins.probe;

import io.mailflowkb.model.text.ControlCharacters;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain-text SMTP side of a probe connection: sends commands, reads replies under a per-reply deadline,
 * and keeps a size-capped C:/S: transcript that ends up in the provenance of the result.
 *
 * <p>Each reply has a hard deadline (not just an idle timeout): the socket timeout is re-armed with the time
 * remaining before every read, so a peer that drips one byte a second cannot stretch a step beyond its bound.
 */
final class SmtpConversation {

    static final int TRANSCRIPT_CAP = 16 * 1024;
    private static final int MAX_LINE = 2048;
    private static final int MAX_LINES = 100;

    private final StringBuilder transcript = new StringBuilder();
    private final int replyTimeoutMs;
    private final long hardDeadline;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] buf = new byte[4096];
    private int pos;
    private int len;
    private boolean truncated;

    /** @param hardDeadline {@link System#nanoTime()} by which the whole probe must end (the request's time limit) */
    SmtpConversation(int replyTimeoutMs, long hardDeadline) {
        this.replyTimeoutMs = replyTimeoutMs;
        this.hardDeadline = hardDeadline;
    }

    /** Starts, or continues over the TLS layer after STARTTLS, the conversation on a socket; unread plain bytes are dropped. */
    void use(Socket s) throws IOException {
        this.socket = s;
        this.in = s.getInputStream();
        this.out = s.getOutputStream();
        this.pos = 0;
        this.len = 0;
    }

    /** Bytes the peer sent after its reply and before our next command (pipelining into STARTTLS is an attack). */
    int buffered() {
        return len - pos;
    }

    void send(String command) throws ProbeFailure {
        note("C: " + command);
        try {
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            throw new ProbeFailure("reset", "connection lost sending " + verb(command) + ": " + e.getMessage());
        }
    }

    /**
     * Reads one complete reply.
     *
     * @param step what the reply answers ("banner", "EHLO", ...), named in timeout and error details
     */
    SmtpReply read(String step) throws ProbeFailure {
        long deadline = Math.min(System.nanoTime() + replyTimeoutMs * 1_000_000L, hardDeadline);
        List<String> lines = new ArrayList<>();
        int code = -1;
        while (true) {
            String line = readLine(step, deadline);
            note("S: " + line);
            if (line.length() < 3 || !line.substring(0, 3).chars().allMatch(Character::isDigit)
                    || (line.length() > 3 && line.charAt(3) != ' ' && line.charAt(3) != '-')) {
                throw new ProbeFailure("error", "unparseable reply to " + step + ": \"" + quote(line) + "\"");
            }
            int c = Integer.parseInt(line.substring(0, 3));
            if (code >= 0 && c != code) {
                throw new ProbeFailure("error", "inconsistent reply codes to " + step + ": \"" + quote(line) + "\"");
            }
            code = c;
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) == ' ') {
                return new SmtpReply(code, lines);
            }
            if (lines.size() >= MAX_LINES) {
                throw new ProbeFailure("error", "reply to " + step + " exceeds " + MAX_LINES + " lines");
            }
        }
    }

    private String readLine(String step, long deadline) throws ProbeFailure {
        StringBuilder line = new StringBuilder();
        while (true) {
            if (pos == len) {
                fill(step, deadline, line);
            }
            byte b = buf[pos++];
            if (b == '\n') {
                int n = line.length();
                // every peer byte enters here: escape controls once, so no output format can carry ESC or BEL raw
                return ControlCharacters.escape(n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1)
                        : line.toString());
            }
            line.append((char) (b & 0xff));
            if (line.length() > MAX_LINE) {
                note("S: " + quote(line.toString()) + " ...");
                throw new ProbeFailure("error", "reply line to " + step + " longer than " + MAX_LINE
                        + " bytes: \"" + quote(line.toString()) + "\"");
            }
        }
    }

    private void fill(String step, long deadline, StringBuilder partial) throws ProbeFailure {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        try {
            if (left <= 0) {
                throw new SocketTimeoutException();
            }
            socket.setSoTimeout((int) Math.max(1, left));
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                if (partial.length() > 0) {
                    note("S: " + quote(partial.toString()));
                }
                note("-- connection closed by peer");
                throw new ProbeFailure("reset", "connection closed by peer while waiting for " + what(step));
            }
            pos = 0;
            len = n;
        } catch (SocketTimeoutException e) {
            if (partial.length() > 0) {
                note("S: " + quote(partial.toString()) + " (incomplete)");
            }
            if (deadline == hardDeadline) {
                note("-- probe time limit reached");
                throw new ProbeFailure("timeout", "probe time limit reached (waiting for " + what(step) + ")");
            }
            note("-- no reply within " + ProbeFailure.seconds(replyTimeoutMs));
            throw new ProbeFailure("timeout", "no reply within " + ProbeFailure.seconds(replyTimeoutMs)
                    + " (waiting for " + what(step) + ")");
        } catch (SocketException e) {
            note("-- " + e.getMessage());
            throw new ProbeFailure("reset", "connection reset while waiting for " + what(step) + ": " + e.getMessage());
        } catch (IOException e) {
            note("-- " + e);
            throw new ProbeFailure("error", "read failed waiting for " + what(step) + ": " + e);
        }
    }

    private static String what(String step) {
        return step.equals("banner") ? "the banner" : "the reply to " + step;
    }

    private static String verb(String command) {
        return command.split(" ", 2)[0];
    }

    /** A transcript note such as {@code -- TLS handshake (TLSv1.2 only): ok}. */
    void note(String line) {
        if (truncated) {
            return;
        }
        if (transcript.length() + line.length() + 1 > TRANSCRIPT_CAP) {
            transcript.append("... [transcript truncated at ").append(TRANSCRIPT_CAP / 1024).append(" KiB]\n");
            truncated = true;
            return;
        }
        transcript.append(line).append('\n');
    }

    String transcript() {
        return transcript.toString().stripTrailing();
    }

    /** Printable, at most 80 characters: how junk from the peer is quoted in details. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 80; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                b.append(c);
            } else {
                b.append(String.format("\\x%02x", (int) c));
            }
        }
        return b.length() >= 80 || s.length() > 80 ? b.substring(0, Math.min(b.length(), 80)) + "..." : b.toString();
    }
}
