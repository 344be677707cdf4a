package io.mailflowkb.plugins.probe;

import java.nio.ByteBuffer;
import java.security.Security;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

/**
 * Lets the probe offer TLS 1.0 and 1.1, which JDK 8u291+/11.0.11+/17 disable through
 * {@code jdk.tls.disabledAlgorithms} (JDK-8256490) [S44].
 *
 * <p><b>Scope: process-wide, measured.</b> Per-socket re-enabling does not work on JDK 17:
 * {@code SSLParameters.setAlgorithmConstraints} with constraints that permit everything still yields
 * "No appropriate protocol (protocol is disabled or cipher suites are inappropriate)", because JSSE
 * intersects the socket's constraints with {@code jdk.tls.disabledAlgorithms} (it can only narrow them).
 * The property itself is read once, when JSSE first initialises in the JVM; a later {@code Security.setProperty}
 * has no effect (also measured). So the only in-process way is to edit the property before any JSSE use.
 *
 * <p>To keep the side effect small, the <em>default</em> client and server protocol lists of every other
 * TLS user in the process are pinned to TLS 1.3/1.2 (via {@code jdk.tls.client.protocols} /
 * {@code jdk.tls.server.protocols}, only when the user has not set them): code that does not explicitly
 * enable TLS 1.0/1.1 still never negotiates them. Residual effect: code that explicitly enables TLS 1.0/1.1
 * on its own sockets would now be allowed to. When JSSE was already initialised (e.g. an embedding program
 * made an HTTPS call first), re-enabling fails and the probe reports {@code disabled-locally} honestly.
 * The fully isolated alternative is a separate JVM started with {@code -Djava.security.properties=FILE}.
 */
public final class LegacyTlsSupport {

    private static final Set<String> LEGACY = Set.of("TLSv1", "TLSv1.1");
    private static Boolean available;
    private static String reason;

    private LegacyTlsSupport() {
    }

    /** Whether {@code jsseVersion} is one of the versions this class deals with. */
    public static boolean isLegacy(String jsseVersion) {
        return LEGACY.contains(jsseVersion);
    }

    /**
     * Re-enables TLS 1.0/1.1 for this JVM if it still can (first call only) and says whether they can be offered.
     * Call before anything else in the process uses JSSE; later calls just return the first answer.
     */
    public static synchronized boolean enable() {
        if (available == null) {
            String disabled = Security.getProperty("jdk.tls.disabledAlgorithms");
            if (disabled != null) {
                String edited = Arrays.stream(disabled.split(","))
                        .map(String::strip)
                        .filter(a -> !LEGACY.contains(a))
                        .reduce((a, b) -> a + ", " + b).orElse("");
                if (!edited.equals(disabled)) {
                    pinDefaults();
                    Security.setProperty("jdk.tls.disabledAlgorithms", edited);
                }
            }
            available = canOffer("TLSv1") && canOffer("TLSv1.1");
            if (!available) {
                reason = "disabled on this client: TLS 1.0/1.1 are in jdk.tls.disabledAlgorithms and JSSE was already "
                        + "initialised in this JVM before the probe could re-enable them";
            }
        }
        return available;
    }

    /** Why {@link #enable()} failed, or {@code null}. */
    public static synchronized String unavailableReason() {
        return reason;
    }

    private static void pinDefaults() {
        // system properties read when JSSE initialises, i.e. together with the edited disabledAlgorithms
        if (System.getProperty("jdk.tls.client.protocols") == null) {
            System.setProperty("jdk.tls.client.protocols", "TLSv1.3,TLSv1.2");
        }
        if (System.getProperty("jdk.tls.server.protocols") == null) {
            System.setProperty("jdk.tls.server.protocols", "TLSv1.3,TLSv1.2");
        }
    }

    /**
     * Whether this JVM can send a ClientHello for exactly this version: an in-memory SSLEngine wrap, no network.
     * JSSE fails that first wrap with "No appropriate protocol" when the version is disabled.
     */
    public static boolean canOffer(String jsseVersion) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, null, null);
            if (!Arrays.asList(ctx.getSupportedSSLParameters().getProtocols()).contains(jsseVersion)) {
                return false;
            }
            SSLEngine engine = ctx.createSSLEngine("probe.invalid", 25);
            engine.setUseClientMode(true);
            engine.setEnabledProtocols(new String[] {jsseVersion});
            engine.setEnabledCipherSuites(suitesFor(ctx.getSupportedSSLParameters().getCipherSuites(),
                    engine.getEnabledCipherSuites(), jsseVersion));
            ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            engine.wrap(ByteBuffer.allocate(0), out);
            return out.position() > 0;
        } catch (SSLException e) {
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Cipher suites for one probe connection: the JDK defaults, plus for TLS 1.0/1.1 every supported
     * {@code *_CBC_SHA} suite, because OpenSSL 3 peers at SECLEVEL=0 and old appliances offer only those.
     * JSSE still drops what {@code jdk.tls.disabledAlgorithms} forbids (3DES, RC4, anon, NULL).
     */
    static String[] suitesFor(String[] supported, String[] defaults, String jsseVersion) {
        Set<String> suites = new LinkedHashSet<>(Arrays.asList(defaults));
        if (isLegacy(jsseVersion)) {
            for (String s : supported) {
                if (s.endsWith("_CBC_SHA") && !s.contains("_anon_") && !s.contains("_NULL_")) {
                    suites.add(s);
                }
            }
        }
        return suites.toArray(String[]::new);
    }
}
