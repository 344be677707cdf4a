package io.mailflowkb.plugins.logs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates realistic Exchange send protocol log sessions (seeded): TLS success, TLS failure, and TLS failure
 * followed by a plain retry that Exchange Online refuses with {@code 451 5.7.3}. Used by the property tests and
 * by the log-scan benchmark.
 */
public final class ProtocolLogGenerator {

    public static final String HEADER = "#Software: Microsoft Exchange Server\r\n#Version: 15.02.1118.007\r\n"
            + "#Log-type: SMTP Send Protocol Log\r\n#Date: 2024-03-01T00:00:00.000Z\r\n"
            + "#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,"
            + "context\r\n";

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String[][] REMOTES = {
            {"104.47.1.10", "XX1PEPF00000000.mail.protection.outlook.com"},
            {"40.107.22.5", "AM4PEPF00027A5F.mail.protection.outlook.com"},
            {"198.51.100.7", "mx1.fabrikam.example"},
            {"203.0.113.25", "mail.tailspin.example"}};
    private static final String[] CONNECTORS = {"Internet Mail", "Outbound to Office 365"};
    private static final String[] ERRORS = {"SocketError", "UnknownCredentials", "NoCredentials"};
    private static final String[] PROTOCOLS = {"TLS1_2", "TLS1_2", "TLS1_0"};

    /** One session's lines, in order. */
    public record Session(List<String> lines) {
    }

    private final Random rnd;
    private int failurePercent = 50;
    private long sessionCounter;
    private long clock;

    public ProtocolLogGenerator(long seed) {
        this.rnd = new Random(seed);
        this.sessionCounter = 0x08DC39A100000000L + (seed & 0xFFFF) * 0x10000;
        this.clock = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
    }

    /** How many sessions in a hundred fail TLS (half of those retry in plain text); 50 by default. */
    public ProtocolLogGenerator failurePercent(int percent) {
        this.failurePercent = percent;
        return this;
    }

    /** Sessions in time order; a failure may be followed by its plain retry. */
    public List<Session> sessions(int n) {
        List<Session> out = new ArrayList<>();
        while (out.size() < n) {
            int roll = rnd.nextInt(100);
            int kind = roll >= failurePercent ? 0 : roll < failurePercent / 2 ? 2 : 3;
            String[] remote = REMOTES[rnd.nextInt(REMOTES.length)];
            String conn = CONNECTORS[rnd.nextInt(CONNECTORS.length)];
            switch (kind) {
                case 0, 1 -> out.add(success(remote, conn));
                case 2 -> out.add(failure(remote, conn));
                default -> {
                    out.add(failure(remote, conn));
                    out.add(plainRejected(remote, conn));
                }
            }
        }
        return out;
    }

    private String time() {
        clock += 1 + rnd.nextInt(40);
        return ISO.format(Instant.ofEpochMilli(clock));
    }

    private final class Builder {
        final String id = String.format(Locale.ROOT, "%016X", sessionCounter++);
        final String[] remote;
        final String conn;
        final String local = "10.0.0.5:" + (20000 + rnd.nextInt(40000));
        final List<String> lines = new ArrayList<>();
        int seq;

        Builder(String[] remote, String conn) {
            this.remote = remote;
            this.conn = conn;
        }

        Builder line(char ev, String data, String context) {
            String d = data.indexOf(',') >= 0 ? '"' + data + '"' : data;
            String c = context.indexOf(',') >= 0 ? '"' + context + '"' : context;
            lines.add(time() + "," + conn + "," + id + "," + seq++ + "," + local + "," + remote[0] + ":25," + ev + ","
                    + d + "," + c + "\r\n");
            return this;
        }

        Builder open() {
            line('*', "", "attempting to connect").line('+', "", "");
            line('<', "220 " + remote[1] + " Microsoft ESMTP MAIL Service ready at Fri, 1 Mar 2024 10:00:00 +0000", "");
            line('>', "EHLO mail.contoso.com", "");
            return line('<', "250  " + remote[1] + " Hello [203.0.113.5] SIZE 157286400 PIPELINING DSN "
                    + "ENHANCEDSTATUSCODES STARTTLS 8BITMIME BINARYMIME CHUNKING SMTPUTF8", "");
        }

        Session done() {
            return new Session(lines);
        }
    }

    private Session success(String[] remote, String conn) {
        Builder b = new Builder(remote, conn).open();
        b.line('>', "STARTTLS", "").line('<', "220 2.0.0 SMTP server ready", "");
        b.line('*', "", "TLS protocol SP_PROT_" + PROTOCOLS[rnd.nextInt(PROTOCOLS.length)] + "_CLIENT negotiation "
                + "succeeded using bulk encryption algorithm CALG_AES_256 with strength 256 bits, MAC hash algorithm "
                + "CALG_SHA_384 with strength 0 bits and key exchange algorithm CALG_ECDHE with strength 384 bits");
        b.line('*', "", "Received certificate");
        b.line('>', "EHLO mail.contoso.com", "");
        int messages = 1 + rnd.nextInt(4); // Exchange reuses a session for several messages
        for (int m = 0; m < messages; m++) {
            b.line('>', "MAIL FROM:<alice@contoso.com> SIZE=" + (1000 + rnd.nextInt(90000)), "");
            b.line('>', "RCPT TO:<bob@fabrikam.example>", "");
            b.line('<', "250 2.1.0 Sender OK", "").line('<', "250 2.1.5 Recipient OK", "");
            b.line('>', "BDAT " + (1000 + rnd.nextInt(90000)) + " LAST", "");
            b.line('<', "250 2.6.0 <" + b.id + "." + m + "@mail.contoso.com> [InternalId=" + rnd.nextInt(1 << 30)
                    + ", Hostname=" + b.remote[1] + "] Queued mail for delivery", "");
        }
        b.line('>', "QUIT", "").line('-', "", "Local");
        return b.done();
    }

    private Session failure(String[] remote, String conn) {
        Builder b = new Builder(remote, conn).open();
        b.line('>', "STARTTLS", "").line('<', "220 2.0.0 SMTP server ready", "");
        b.line('*', "", "TLS negotiation failed with error " + ERRORS[rnd.nextInt(ERRORS.length)]);
        b.line('-', "", "Local");
        return b.done();
    }

    private Session plainRejected(String[] remote, String conn) {
        Builder b = new Builder(remote, conn).open();
        b.line('>', "MAIL FROM:<alice@contoso.com> SIZE=2048", "");
        b.line('<', "451 5.7.3 Must issue a STARTTLS command first", "");
        b.line('>', "QUIT", "").line('-', "", "Local");
        return b.done();
    }

    /** All lines session by session (no interleaving). */
    public static List<String> sequential(List<Session> sessions) {
        List<String> out = new ArrayList<>();
        sessions.forEach(s -> out.addAll(s.lines()));
        return out;
    }

    /** The sessions' lines merged in a random order that keeps each session's own order. */
    public static List<String> interleaved(List<Session> sessions, Random rnd) {
        List<String> out = new ArrayList<>();
        int[] next = new int[sessions.size()];
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            open.add(i);
        }
        while (!open.isEmpty()) {
            int pick = rnd.nextInt(open.size());
            int s = open.get(pick);
            out.add(sessions.get(s).lines().get(next[s]++));
            if (next[s] == sessions.get(s).lines().size()) {
                open.remove(pick);
            }
        }
        return out;
    }
}
