package io.mailflowkb.plugins.probe;

import io.mailflowkb.model.fact.ProbeResult;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.spi.CollectionRequest;
import io.mailflowkb.model.spi.FactCollector;
import io.mailflowkb.model.spi.FactSink;
import io.mailflowkb.model.spi.InputKind;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Live SMTP STARTTLS probe of one {@code host[:port]}: one connection per TLS version, each allowing only that
 * version, reporting a {@link ProbeResult} per version, the certificate of the first successful handshake, and
 * optionally whether the peer accepts MAIL FROM without TLS (README.md, Probing a peer) [S30][S43][S44].
 *
 * <p>It never sends mail and never authenticates. Options: {@code ehlo}, {@code connectTimeoutMs},
 * {@code replyTimeoutMs}, {@code handshakeTimeoutMs} (5000 each), {@code implicitTls}, {@code checkRequiredTls},
 * {@code versions} (default {@code TLSv1,TLSv1.1,TLSv1.2,TLSv1.3}). Stateless and thread-safe.
 */
public final class ProbeCollector implements FactCollector {

    public static final String ID = "probe";

    /** Said once per target: JSSE results are evidence about the peer, not about the Exchange server's SChannel. */
    public static final String JSSE_WARNING = "probe used Java's TLS stack (JSSE), not Windows SChannel: a successful "
            + "TLS 1.2 probe does not prove that Exchange on Windows can use TLS 1.2";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "live SMTP STARTTLS probe: TLS version matrix, certificate, required-TLS check (never sends mail)";
    }

    @Override
    public Set<InputKind> accepts() {
        return Set.of(InputKind.PROBE);
    }

    @Override
    public String formats() {
        return "host[:port] (port 25 default, IPv6 in brackets); STARTTLS or implicit TLS (implicitTls=true)";
    }

    @Override
    public void collect(CollectionRequest request, FactSink sink) {
        ProbeTarget target = ProbeTarget.parse(request.target());
        ProbeOptions options = ProbeOptions.from(request.options(), target.display());
        String source = target.source();
        sink.read(source, ID);
        sink.warning(source, null, JSSE_WARNING);
        Duration limit = request.timeLimit().compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : request.timeLimit();
        long hardDeadline = System.nanoTime() + limit.toNanos();

        boolean legacyWanted = options.versions().stream().anyMatch(LegacyTlsSupport::isLegacy);
        // must run before this JVM's first JSSE use (the context below is one): see LegacyTlsSupport
        boolean legacyOk = legacyWanted && LegacyTlsSupport.enable();
        SSLContext context = ProbeTls.acceptAllContext();
        List<X509Certificate> extraAnchors = CertificateSummary.readAnchors(options.trustCa(), source);
        TlsVersionAttempt attempt = new TlsVersionAttempt(target, options, context);

        boolean certificateReported = false;
        ProbeResult preTlsFailure = null;
        for (String version : options.versions()) {
            ProbeResult result;
            if (LegacyTlsSupport.isLegacy(version) && !legacyOk) {
                String why = LegacyTlsSupport.unavailableReason();
                result = notAttempted(target, version, "disabled-locally",
                        why != null ? why : "disabled on this client: " + version + " cannot be offered by this JVM");
            } else if (!LegacyTlsSupport.isLegacy(version) && !LegacyTlsSupport.canOffer(version)) {
                result = notAttempted(target, version, "disabled-locally", "disabled on this client: " + version
                        + " is not supported or is in jdk.tls.disabledAlgorithms");
            } else if (preTlsFailure != null) {
                // what happens before STARTTLS does not depend on the version we would offer later: do not make a
                // dead or tarpitting peer cost four full timeouts
                result = notAttempted(target, version, preTlsFailure.outcome(), preTlsFailure.detail()
                        + " (not retried: the " + preTlsFailure.tlsVersion() + " connection failed before TLS)");
            } else {
                TlsVersionAttempt.Outcome outcome = attempt.run(version, hardDeadline);
                result = outcome.result();
                if (result.succeeded() && !certificateReported && !outcome.chain().isEmpty()) {
                    sink.fact(result);
                    sink.fact(CertificateSummary.of(target, outcome.chain(), request.clock(), extraAnchors));
                    certificateReported = true;
                    continue;
                }
                if (failedBeforeTls(result, options)) {
                    preTlsFailure = result;
                }
            }
            sink.fact(result);
        }
        if (options.checkRequiredTls()) {
            sink.fact(RequiredTlsCheck.run(target, options, hardDeadline));
        }
    }

    private static boolean failedBeforeTls(ProbeResult r, ProbeOptions options) {
        return r.outcome().equals("connect-failed")
                || (r.outcome().equals("timeout") && r.starttlsOffered() == null && !options.implicitTls());
    }

    private static ProbeResult notAttempted(ProbeTarget target, String version, String outcome, String detail) {
        return new ProbeResult(target.display(), ProbeOptions.label(version), outcome, detail, null, null, null, 0,
                new Provenance(target.source(), null, ProbeResult.NOT_ATTEMPTED + detail));
    }
}
