package io.mailflowkb.plugins.probe;

import io.mailflowkb.model.fact.ProbeResult;
import io.mailflowkb.model.fact.Provenance;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * The optional second plain connection ({@code checkRequiredTls=true}): EHLO, then {@code MAIL FROM:<>} without
 * TLS, to see whether the peer insists on TLS (Exchange {@code 451 5.7.3 STARTTLS is required to send mail},
 * EXO {@code 451 5.7.3 Must issue a STARTTLS command first}, RFC 3207 servers
 * {@code 530 5.7.0 Must issue a STARTTLS command first}) [S30][S34][S43]. Then RSET and QUIT:
 * never RCPT, never DATA, so no message can ever be sent.
 *
 * <p>Reported as a {@link ProbeResult} with {@code tlsVersion "none"} and outcome {@code plain-accepted} (MAIL
 * FROM got 2xx) or {@code plain-rejected} (detail = the exact reply); transport failures use the usual outcomes.
 */
final class RequiredTlsCheck {

    static final String VERSION = "none";

    private RequiredTlsCheck() {
    }

    static ProbeResult run(ProbeTarget target, ProbeOptions options, long hardDeadline) {
        long start = System.nanoTime();
        SmtpConversation conv = new SmtpConversation(options.replyTimeoutMs(), hardDeadline);
        conv.note("-- plain connection to test whether TLS is required (MAIL FROM without TLS; never RCPT or DATA)");
        String outcome;
        String detail;
        Boolean starttls = null;
        Boolean auth = null;
        try (Socket s = new Socket()) {
            long left = (hardDeadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                throw new ProbeFailure("timeout", "probe time limit reached");
            }
            int timeout = (int) Math.min(options.connectTimeoutMs(), left);
            try {
                s.connect(new InetSocketAddress(target.host(), target.port()), timeout);
            } catch (SocketTimeoutException e) {
                throw new ProbeFailure("timeout", "no connection within " + ProbeFailure.seconds(timeout) + " (connect)");
            } catch (IOException e) {
                throw new ProbeFailure("connect-failed", String.valueOf(e.getMessage()));
            }
            conv.use(s);
            SmtpReply banner = conv.read("banner");
            if (banner.code() != 220) {
                throw new ProbeFailure("error", "banner answered " + banner.text());
            }
            conv.send("EHLO " + options.ehlo());
            SmtpReply ehlo = conv.read("EHLO");
            if (ehlo.code() != 250) {
                throw new ProbeFailure("error", "EHLO answered " + ehlo.text());
            }
            starttls = ehlo.hasKeyword("STARTTLS");
            auth = ehlo.hasKeyword("AUTH");
            conv.send("MAIL FROM:<>");
            SmtpReply mail = conv.read("MAIL FROM");
            outcome = mail.positive() ? "plain-accepted" : "plain-rejected";
            detail = mail.text();
            try {
                // undo the transaction before leaving; failures here do not change the result
                conv.send("RSET");
                conv.read("RSET");
                conv.send("QUIT");
                conv.read("QUIT");
            } catch (ProbeFailure ignored) {
                conv.note("-- RSET/QUIT not answered");
            }
        } catch (ProbeFailure f) {
            outcome = f.outcome();
            detail = f.detail();
        } catch (IOException e) {
            outcome = "error";
            detail = "I/O failure: " + e;
        }
        long millis = (System.nanoTime() - start) / 1_000_000L;
        conv.note("-- " + outcome + ": " + detail + " (" + millis + " ms)");
        return new ProbeResult(target.display(), VERSION, outcome, detail, null, starttls, auth, millis,
                new Provenance(target.source(), null, conv.transcript()));
    }
}
