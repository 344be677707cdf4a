package io.mailflowkb.plugins.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.fact.ProbeResult;
import io.mailflowkb.model.spi.CollectingSink;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.model.spi.Request;
import io.mailflowkb.plugins.testssl.TestsslCollector;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real testssl.sh ({@code tools/test-deps/testssl.sh}) scans each test Postfix instance with
 * {@code --starttls smtp -p} (protocols only: the full scan takes minutes); its JSON, imported, must give every TLS
 * version the same verdict as {@code kb probe} of the same peer. The legacy instance is read from the flat JSON, the
 * modern one from the pretty JSON, so both forms meet a real scan.
 */
class TestsslProbeAgreementTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} instance, {1} JSON")
    @CsvSource({"legacy, flat", "modern, pretty"})
    void testsslImportAgreesWithTheProbe(String instance, String form) throws Exception {
        int port = PostfixPeers.ensure().get(instance);
        String testssl = testssl();
        String target = "127.0.0.1:" + port;
        Path json = dir.resolve(instance + ".json");
        List<String> cmd = new ArrayList<>(List.of("timeout", "120", testssl, "--starttls", "smtp", "-p",
                "--warnings", "off", "--quiet", "--color", "0",
                form.equals("flat") ? "--jsonfile" : "--jsonfile-pretty", json.toString(), target));
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(150, TimeUnit.SECONDS)).as("testssl.sh finished").isTrue();
        assertThat(Files.exists(json)).as("testssl.sh wrote its JSON; output:\n" + out).isTrue();

        CollectingSink imported = new CollectingSink(TestsslCollector.ID);
        new TestsslCollector().collect(new Request(InputKind.LOGS, json, null, json.getFileName().toString(), null,
                null, null, null), imported);
        CollectingSink probed = ProbeFixtures.probe(target, Map.of());

        Map<String, String> fromTestssl = verdicts(imported.facts().stream().map(ProbeResult.class::cast).toList());
        Map<String, String> fromProbe = verdicts(ProbeFixtures.results(probed));
        assertThat(fromTestssl).as("testssl.sh %s vs kb probe %s", fromTestssl, fromProbe).isEqualTo(fromProbe)
                .containsOnlyKeys("TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3");
        assertThat(imported.facts()).allMatch(f -> ((ProbeResult) f).target().equals(target));
        assertThat(fromProbe.values()).as("the instance is what its name says")
                .containsExactlyElementsOf(instance.equals("legacy") ? List.of("ok", "ok", "failed", "failed")
                        : List.of("failed", "failed", "ok", "ok"));
    }

    private static Map<String, String> verdicts(List<ProbeResult> results) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String v : List.of("TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3")) {
            results.stream().filter(r -> r.tlsVersion().equals(v)).findFirst()
                    .ifPresent(r -> out.put(v, r.succeeded() ? "ok" : "failed"));
        }
        return out;
    }

    private static String testssl() {
        for (String c : List.of("testssl", "testssl.sh")) {
            for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
                if (Files.isExecutable(Path.of(d, c))) {
                    return Path.of(d, c).toString();
                }
            }
        }
        Assumptions.assumeTrue(false, "testssl.sh is not installed (run tools/test-deps/testssl.sh)");
        return null;
    }
}
