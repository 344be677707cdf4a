package io.mailflowkb.plugins.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Server keystores (EC P-256: fast to generate) made at test time with keytool (nothing secret is shipped), one per certificate kind. */
final class TestCertificates {

    enum Kind {
        /** CN=localhost, SAN localhost and 127.0.0.1, valid now */
        GOOD("CN=localhost", "SAN=dns:localhost,ip:127.0.0.1", null),
        /** valid 60 to 30 days ago */
        EXPIRED("CN=localhost", "SAN=dns:localhost,ip:127.0.0.1", "-60d"),
        /** a name the probed host (localhost) does not have */
        MISMATCH("CN=mail.example.test", "SAN=dns:mail.example.test,dns:*.example.test", null);

        final String dname;
        final String san;
        final String startDate;

        Kind(String dname, String san, String startDate) {
            this.dname = dname;
            this.san = san;
            this.startDate = startDate;
        }
    }

    private static final char[] PASS = "changeit".toCharArray();
    private static final ConcurrentHashMap<Kind, SSLContext> CONTEXTS = new ConcurrentHashMap<>();
    private static Path dir;

    private TestCertificates() {
    }

    static SSLContext serverContext(Kind kind) {
        return CONTEXTS.computeIfAbsent(kind, TestCertificates::create);
    }

    private static synchronized SSLContext create(Kind kind) {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("kb-probe-certs");
                dir.toFile().deleteOnExit();
            }
            Path ks = dir.resolve(kind.name().toLowerCase() + ".p12");
            List<String> cmd = new ArrayList<>(List.of(keytool(), "-genkeypair", "-keystore", ks.toString(),
                    "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit", "-alias", "fixture",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-dname", kind.dname, "-ext", kind.san, "-validity", "30"));
            if (kind.startDate != null) {
                cmd.addAll(List.of("-startdate", kind.startDate));
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + out);
            }
            ks.toFile().deleteOnExit();
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(ks)) {
                store.load(in, PASS);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, PASS);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (IOException | InterruptedException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make test certificate " + kind + ": " + e, e);
        }
    }

    private static String keytool() {
        Path k = Path.of(System.getProperty("java.home"), "bin", "keytool");
        return Files.isExecutable(k) ? k.toString() : "keytool";
    }
}
