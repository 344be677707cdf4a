package io.mailflowkb.plugins.probe;

import io.mailflowkb.model.fact.ProbeResult;
import io.mailflowkb.model.fact.Provenance;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One probe connection that allows exactly one TLS version: banner, EHLO, STARTTLS, handshake, EHLO, QUIT
 * (or, for implicit TLS on 465, handshake first). Never MAIL, RCPT, DATA or AUTH [S30][S43].
 */
final class TlsVersionAttempt {

    /** A single daemon thread closes sockets whose handshake overruns its bound (SO_TIMEOUT alone is per read). */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "probe-handshake-watchdog");
        t.setDaemon(true);
        return t;
    });

    /** The result of one connection, and the peer's chain when the handshake succeeded. */
    record Outcome(ProbeResult result, List<X509Certificate> chain) {
    }

    private final ProbeTarget target;
    private final ProbeOptions options;
    private final SSLContext context;

    TlsVersionAttempt(ProbeTarget target, ProbeOptions options, SSLContext context) {
        this.target = target;
        this.options = options;
        this.context = context;
    }

    /**
     * @param version      JSSE protocol name, e.g. {@code TLSv1.2}
     * @param hardDeadline {@link System#nanoTime()} by which this connection must be over (request time limit)
     */
    Outcome run(String version, long hardDeadline) {
        long start = System.nanoTime();
        SmtpConversation conv = new SmtpConversation(options.replyTimeoutMs(), hardDeadline);
        Boolean starttls = null;
        Boolean auth = null;
        String cipher = null;
        List<X509Certificate> chain = List.of();
        String outcome = "ok";
        String detail = null;
        Socket plain = new Socket();
        Socket ssl = null;
        try {
            connect(plain, conv, hardDeadline);
            SmtpReply ehlo;
            if (options.implicitTls()) {
                ssl = handshake(plain, version, conv, hardDeadline);
                conv.use(ssl);
                expect(conv.read("banner"), 220, "banner");
                conv.send("EHLO " + options.ehlo());
                ehlo = expect(conv.read("EHLO"), 250, "EHLO");
                auth = ehlo.hasKeyword("AUTH");
            } else {
                conv.use(plain);
                expect(conv.read("banner"), 220, "banner");
                conv.send("EHLO " + options.ehlo());
                ehlo = expect(conv.read("EHLO"), 250, "EHLO");
                starttls = ehlo.hasKeyword("STARTTLS");
                auth = ehlo.hasKeyword("AUTH");
                if (!starttls) {
                    quietQuit(conv);
                    throw new ProbeFailure("not-offered", "no STARTTLS in EHLO reply");
                }
                conv.send("STARTTLS");
                SmtpReply go = conv.read("STARTTLS");
                if (go.code() != 220) {
                    quietQuit(conv);
                    throw new ProbeFailure("starttls-rejected", go.text());
                }
                if (conv.buffered() > 0) {
                    // RFC 3207: nothing may follow the 220; plaintext injected here is dropped, not read as TLS
                    conv.note("-- peer sent " + conv.buffered() + " bytes after 220 to STARTTLS (discarded)");
                }
                ssl = handshake(plain, version, conv, hardDeadline);
                conv.use(ssl);
            }
            cipher = ((SSLSocket) ssl).getSession().getCipherSuite();
            chain = x509(((SSLSocket) ssl).getSession().getPeerCertificates());
            if (!options.implicitTls()) {
                auth = afterHandshake(conv, ehlo);
            } else {
                afterHandshake(conv, null);
            }
        } catch (ProbeFailure f) {
            outcome = f.outcome();
            detail = f.detail();
        } catch (IOException e) {
            outcome = "error";
            detail = "I/O failure: " + e;
        } finally {
            closeQuietly(ssl);
            closeQuietly(plain);
        }
        long millis = (System.nanoTime() - start) / 1_000_000L;
        conv.note("-- " + outcome + (detail == null ? "" : ": " + detail) + " (" + millis + " ms)");
        ProbeResult result = new ProbeResult(target.display(), ProbeOptions.label(version), outcome, detail, cipher,
                starttls, auth, millis, new Provenance(target.source(), null, conv.transcript()));
        return new Outcome(result, chain);
    }

    /** Re-EHLO over TLS (records whether AUTH is offered now, relevant on 587 [S7]) and QUIT; failures here are noted only. */
    private Boolean afterHandshake(SmtpConversation conv, SmtpReply plainEhlo) {
        Boolean auth = plainEhlo == null ? null : plainEhlo.hasKeyword("AUTH");
        try {
            if (plainEhlo != null) {
                conv.send("EHLO " + options.ehlo());
                SmtpReply ehlo = expect(conv.read("EHLO after TLS"), 250, "EHLO after TLS");
                auth = ehlo.hasKeyword("AUTH");
            }
            conv.send("QUIT");
            conv.read("QUIT");
        } catch (ProbeFailure f) {
            conv.note("-- after a successful handshake: " + f.outcome() + ": " + f.detail());
        }
        return auth;
    }

    private void connect(Socket plain, SmtpConversation conv, long hardDeadline) throws ProbeFailure {
        int timeout = bounded(options.connectTimeoutMs(), hardDeadline);
        conv.note("-- connect " + target.display() + " (timeout " + ProbeFailure.seconds(timeout) + ")");
        try {
            plain.connect(new InetSocketAddress(target.host(), target.port()), timeout);
        } catch (SocketTimeoutException e) {
            throw new ProbeFailure("timeout", "no connection within " + ProbeFailure.seconds(timeout) + " (connect)");
        } catch (UnknownHostException e) {
            throw new ProbeFailure("connect-failed", "unknown host " + target.host());
        } catch (IOException e) {
            throw new ProbeFailure("connect-failed", String.valueOf(e.getMessage()));
        }
    }

    private SSLSocket handshake(Socket plain, String version, SmtpConversation conv, long hardDeadline)
            throws ProbeFailure {
        int timeout = bounded(options.handshakeTimeoutMs(), hardDeadline);
        SSLSocket ssl;
        try {
            ssl = (SSLSocket) context.getSocketFactory().createSocket(plain, target.host(), target.port(), true);
            ssl.setUseClientMode(true);
            ssl.setEnabledProtocols(new String[] {version});
            ssl.setEnabledCipherSuites(LegacyTlsSupport.suitesFor(
                    context.getSupportedSSLParameters().getCipherSuites(), ssl.getEnabledCipherSuites(), version));
            ssl.setSoTimeout(timeout);
        } catch (IllegalArgumentException e) {
            throw new ProbeFailure("disabled-locally", "disabled on this client: " + version + " not supported by this JDK");
        } catch (IOException e) {
            throw new ProbeFailure("error", "cannot start TLS: " + e);
        }
        conv.note("-- TLS handshake offering " + version + " only (timeout " + ProbeFailure.seconds(timeout) + ")");
        AtomicBoolean fired = new AtomicBoolean();
        ScheduledFuture<?> dog = WATCHDOG.schedule(() -> {
            fired.set(true);
            closeQuietly(ssl);
            closeQuietly(plain);
        }, timeout, TimeUnit.MILLISECONDS);
        try {
            ssl.startHandshake();
        } catch (IOException e) {
            ProbeFailure f = ProbeTls.classify(e, fired.get(), timeout);
            conv.note("-- TLS handshake failed: " + e);
            throw f;
        } finally {
            dog.cancel(false);
        }
        conv.note("-- TLS handshake ok: " + ssl.getSession().getProtocol() + " " + ssl.getSession().getCipherSuite());
        return ssl;
    }

    private static SmtpReply expect(SmtpReply reply, int code, String step) throws ProbeFailure {
        if (reply.code() != code) {
            throw new ProbeFailure("error", step + " answered " + reply.text());
        }
        return reply;
    }

    private static void quietQuit(SmtpConversation conv) {
        try {
            conv.send("QUIT");
            conv.read("QUIT");
        } catch (ProbeFailure ignored) {
            // the result is already decided; QUIT is politeness only
        }
    }

    private static int bounded(int timeoutMs, long hardDeadline) throws ProbeFailure {
        long left = (hardDeadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
            throw new ProbeFailure("timeout", "probe time limit reached");
        }
        return (int) Math.min(timeoutMs, left);
    }

    private static List<X509Certificate> x509(Certificate[] certs) {
        List<X509Certificate> out = new ArrayList<>();
        for (Certificate c : certs) {
            if (c instanceof X509Certificate x) {
                out.add(x);
            }
        }
        return out;
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing is best effort
            }
        }
    }
}
