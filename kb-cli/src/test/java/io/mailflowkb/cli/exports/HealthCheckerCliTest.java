package io.mailflowkb.cli.exports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailflowkb.cli.Main;
import io.mailflowkb.model.bundle.Mappers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kb diagnose and kb collect on a HealthChecker XML and a testssl.sh scan, detected by content through --logs. */
class HealthCheckerCliTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path RESOURCES = ROOT.resolve("kb-plugins/src/test/resources");

    @TempDir
    Path dir;

    static JsonNode diagnose(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("diagnose"));
        all.addAll(List.of(args));
        all.addAll(List.of("--format", "json"));
        int code = Main.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        assertThat(code).as("exit code; stderr %s", err).isEqualTo(1);
        try {
            return Mappers.json().readTree(out.toString());
        } catch (Exception e) {
            throw new AssertionError(out.toString(), e);
        }
    }

    static List<String> ids(JsonNode d) {
        List<String> ids = new ArrayList<>();
        d.get("findings").forEach(f -> ids.add(f.get("id").asText()));
        return ids;
    }

    @Test
    void healthCheckerXmlThroughLogsAndBackThroughABundle() throws Exception {
        Path hc = RESOURCES.resolve("healthchecker/assembled/HealthChecker-SOLO-E19A-20261120100000.xml");
        JsonNode d = diagnose("--logs", hc.toString());
        assertThat(ids(d)).containsExactly("connector-tls-certificate-missing", "dotnet-strong-crypto-missing",
                "exo-send-connector-misconfigured");
        assertThat(d.get("inputs").get(0).get("collector").asText()).isEqualTo("exchange");
        assertThat(d.get("host").get("collected").asText()).as("GenerationTime 2026-11-20T10:00:00+01:00 in UTC")
                .isEqualTo("2026-11-20T09:00:00Z");
        assertThat(d.get("host").get("fqdn").asText()).as("Get-ExchangeServer's Fqdn").isEqualTo("Solo-E19A.Solo.com");
        assertThat(d.get("missingEvidence").toString()).contains("Get-ExchangeCertificate | Select-Object");
        assertThat(d.get("findings").get(0).get("evidence").toString())
                .contains("receive connector 'WIN-CTD3L0RGEN4\\\\Default Frontend WIN-CTD3L0RGEN4'")
                .contains("HealthChecker-SOLO-E19A-20261120100000.xml:2151");

        Path bundle = dir.resolve("bundle.yaml");
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"collect", "--logs", hc.toString(), "-o", bundle.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readString(bundle)).contains("sendConnectors:", "receiveConnectors:", "exchangeCertificates:",
                "hybridConfigurations:", "detail: \"Obj[0].MS.HealthCheckerExchangeServer.MS.ExchangeInformation.MS."
                        + "GetReceiveConnector.LST[2]\"");
        JsonNode again = diagnose(bundle.toString());
        assertThat(ids(again)).isEqualTo(ids(d));
        assertThat(again.get("host")).as("the collection time survives the bundle").isEqualTo(d.get("host"));
    }

    /** Positional PATH: a zip of mixed exports, each file routed by its content to its collector. */
    @Test
    void aZipOfExportsIsReadFileByFileByContent() throws Exception {
        Path zip = dir.resolve("evidence.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (Path f : List.of(RESOURCES.resolve("healthchecker/E19_GetSendConnector.xml"),
                    RESOURCES.resolve("healthchecker/E19_GetReceiveConnector.xml"),
                    RESOURCES.resolve("testssl/postfix-legacy-flat.json"),
                    ROOT.resolve("knowledge/tls-deprecation/examples/raw/connectors/receiveconnectors-fl.txt"))) {
                out.putNextEntry(new java.util.zip.ZipEntry("evidence/" + f.getFileName()));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
        }
        JsonNode d = diagnose(zip.toString());
        assertThat(ids(d)).contains("peer-legacy-tls-only", "receive-connector-no-tls", "exo-send-connector-misconfigured");
        List<String> routed = new ArrayList<>();
        d.get("inputs").forEach(i -> routed.add(i.get("source").asText().replaceAll(".*!/evidence/", "") + " "
                + i.get("collector").asText()));
        assertThat(routed).containsExactlyInAnyOrder("E19_GetSendConnector.xml exchange", "E19_GetReceiveConnector.xml exchange",
                "postfix-legacy-flat.json testssl", "receiveconnectors-fl.txt exchange");
    }

    @Test
    void testsslScanOfTheLegacyPeerIsALegacyOnlyPeer() {
        JsonNode d = diagnose("--logs", RESOURCES.resolve("testssl/postfix-legacy-flat.json").toString());
        assertThat(ids(d)).contains("peer-legacy-tls-only");
        assertThat(d.get("inputs").get(0).get("collector").asText()).isEqualTo("testssl");
    }
}
