package io.mailflowkb.plugins.probe;

import io.mailflowkb.model.spi.CollectingSink;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.model.spi.Request;
import java.nio.ByteBuffer;
import java.security.AlgorithmConstraints;
import java.security.AlgorithmParameters;
import java.security.CryptoPrimitive;
import java.security.Key;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;

/**
 * Run in a fresh JVM by {@link LegacyTlsScopeTest}: measures which ways of re-enabling TLS 1.0 work on this JDK.
 * Prints {@code canOffer=<bool> defaults=<client default protocols>}.
 */
public final class LegacyScopeCheck {

    private LegacyScopeCheck() {
    }

    public static void main(String[] args) throws Exception {
        boolean can;
        switch (args[0]) {
            case "socket-constraints" -> can = permissiveSocketConstraints();
            case "late" -> {
                SSLContext.getInstance("TLS").init(null, null, null); // someone used JSSE first
                SSLContext.getDefault().createSSLEngine();
                can = LegacyTlsSupport.enable();
            }
            case "early" -> can = LegacyTlsSupport.enable();
            case "late-collect" -> {
                SSLContext.getDefault().createSSLEngine(); // someone used JSSE first
                var sink = new CollectingSink("probe");
                // port 1 on loopback is closed: TLS 1.0 must be reported without even connecting
                new ProbeCollector().collect(Request.forTarget(
                        InputKind.PROBE, "127.0.0.1:1",
                        Map.of("versions", "TLSv1,TLSv1.2", "ehlo", "probe.kb.test")), sink);
                sink.facts().forEach(f -> System.out.println(f.describe()));
                can = LegacyTlsSupport.canOffer("TLSv1");
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
        SSLContext fresh = SSLContext.getInstance("TLS");
        fresh.init(null, null, null);
        System.out.println("canOffer=" + can + " defaults=" + Arrays.toString(fresh.getDefaultSSLParameters().getProtocols())
                + " platformDefault=" + Arrays.toString(SSLContext.getDefault().getDefaultSSLParameters().getProtocols()));
    }

    /** TLSv1 on an engine whose own AlgorithmConstraints permit everything, jdk.tls.disabledAlgorithms untouched. */
    private static boolean permissiveSocketConstraints() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, null, null);
        SSLEngine engine = ctx.createSSLEngine("probe.invalid", 25);
        engine.setUseClientMode(true);
        SSLParameters p = engine.getSSLParameters();
        p.setProtocols(new String[] {"TLSv1"});
        p.setAlgorithmConstraints(new AlgorithmConstraints() {
            @Override
            public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, AlgorithmParameters parameters) {
                return true;
            }

            @Override
            public boolean permits(Set<CryptoPrimitive> primitives, Key key) {
                return true;
            }

            @Override
            public boolean permits(Set<CryptoPrimitive> primitives, String algorithm, Key key,
                                   AlgorithmParameters parameters) {
                return true;
            }
        });
        engine.setSSLParameters(p);
        try {
            ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            engine.wrap(ByteBuffer.allocate(0), out);
            return out.position() > 0;
        } catch (SSLException e) {
            System.out.println("socket-constraints: " + e.getMessage());
            return false;
        }
    }
}
