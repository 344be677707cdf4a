package io.mailflowkb.plugins.probe;

import java.io.EOFException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The probe's own TLS client context and the mapping of JSSE handshake failures to probe outcomes.
 *
 * <p>The context trusts every certificate on purpose: the probe must complete the handshake to <em>report</em>
 * an untrusted, expired or mismatched certificate; trust is judged afterwards by {@link CertificateSummary}
 * against the JDK trust store. Nothing is ever sent over these connections except EHLO and QUIT.
 */
final class ProbeTls {

    private static final Pattern ALERT = Pattern.compile("Received fatal alert: (\\w+)");

    private ProbeTls() {
    }

    static SSLContext acceptAllContext() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new AcceptAll()}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JSSE has no TLS context", e);
        }
    }

    /**
     * Outcome for a failed handshake. JSSE wording [S44]: a version this client cannot offer gives
     * "No appropriate protocol (protocol is disabled or cipher suites are inappropriate)"; a peer's alert gives
     * "Received fatal alert: protocol_version" (or handshake_failure, ...). Those two must never be confused:
     * the first is about this machine, the second about the peer.
     */
    static ProbeFailure classify(Exception e, boolean watchdogFired, long handshakeTimeoutMs) {
        String msg = String.valueOf(e.getMessage());
        if (watchdogFired || e instanceof SocketTimeoutException) {
            return new ProbeFailure("timeout", "no handshake completion within " + ProbeFailure.seconds(handshakeTimeoutMs)
                    + " (TLS handshake)");
        }
        if (msg.contains("No appropriate protocol")) {
            return new ProbeFailure("disabled-locally", "disabled on this client: " + msg);
        }
        Matcher m = ALERT.matcher(msg);
        if (m.find()) {
            return new ProbeFailure("refused", "refused by peer: " + m.group(1) + " alert");
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String rootMsg = String.valueOf(root.getMessage());
        if (root instanceof SocketException && rootMsg.toLowerCase().contains("reset")) {
            return new ProbeFailure("reset", "connection reset during handshake");
        }
        if (root instanceof EOFException || root instanceof SocketException
                || msg.contains("Remote host terminated") || msg.contains("closed")) {
            return new ProbeFailure("reset", "connection closed during handshake (" + msg + ")");
        }
        if (e instanceof SSLHandshakeException || e instanceof SSLException) {
            return new ProbeFailure("error", "handshake failed: " + msg);
        }
        return new ProbeFailure("error", "handshake failed: " + e);
    }

    /** Accepts any server certificate: the probe reports certificates, it does not rely on them. */
    private static final class AcceptAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
