package io.mailflowkb.plugins.probe;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The two private Postfix instances of {@code tools/test-servers/postfix.sh} (legacy TLS 1.0/1.1 at SECLEVEL=0,
 * modern TLS 1.2/1.3) on 127.0.0.1. Starts them when they are not running (installing Postfix if needed); skips
 * with a visible reason only when that truly fails.
 */
final class PostfixPeers {

    static {
        LegacyTlsSupport.enable(); // before this JVM's first JSSE use, as the probe requires
    }

    private static Map<String, Integer> ports;
    private static String failure;

    private PostfixPeers() {
    }

    /** {@code legacy} and {@code modern} ports, or a skipped test saying why Postfix is unavailable. */
    static synchronized Map<String, Integer> ensure() {
        if (ports == null && failure == null) {
            start();
        }
        Assumptions.assumeTrue(failure == null, () -> "postfix unavailable: " + failure);
        if (!LegacyTlsSupport.enable()) {
            // not a skip: the comparison with openssl would be meaningless, and hiding it would hide a real limit
            throw new AssertionError("the probe cannot offer TLS 1.0/1.1 in this test JVM ("
                    + LegacyTlsSupport.unavailableReason() + "); another test used JSSE first: run probe tests in "
                    + "their own surefire fork");
        }
        return ports;
    }

    private static void start() {
        Path script = script();
        if (script == null) {
            failure = "tools/test-servers/postfix.sh not found above " + System.getProperty("user.dir");
            return;
        }
        try {
            Process p = new ProcessBuilder("bash", script.toString(), "start")
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true).start();
            // reading to EOF; apt-get install can take a while on a fresh machine
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                failure = "postfix.sh start did not finish in 300 s";
                return;
            }
            Map<String, Integer> found = new HashMap<>();
            for (String line : out.split("\n")) {
                String[] parts = line.strip().split(" ");
                if (parts.length == 2 && parts[1].startsWith("127.0.0.1:")) {
                    found.put(parts[0], Integer.parseInt(parts[1].substring("127.0.0.1:".length())));
                }
            }
            if (p.exitValue() != 0 || !found.containsKey("legacy") || !found.containsKey("modern")) {
                failure = "postfix.sh start exited " + p.exitValue() + ": " + out.strip().replace('\n', ' ');
                return;
            }
            ports = found;
        } catch (Exception e) {
            failure = "cannot run postfix.sh: " + e;
        }
    }

    private static Path script() {
        for (Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath(); d != null; d = d.getParent()) {
            Path s = d.resolve("tools/test-servers/postfix.sh");
            if (Files.isRegularFile(s)) {
                return s;
            }
        }
        return null;
    }
}
