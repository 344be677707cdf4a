package io.mailflowkb.plugins.logs;

import static io.mailflowkb.plugins.logs.TestSymptoms.logs;
import static io.mailflowkb.plugins.logs.TestSymptoms.outcomes;
import static io.mailflowkb.plugins.logs.TestSymptoms.symptoms;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.fact.FlowDirection;
import io.mailflowkb.model.fact.TlsResult;
import io.mailflowkb.model.fact.PeerClass;
import io.mailflowkb.model.fact.Symptom;
import io.mailflowkb.model.fact.TlsOutcome;
import io.mailflowkb.model.spi.CollectingSink;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Realistic fixtures for the main case: Exchange on-prem talking to Exchange Online. */
class LogFixturesTest {

    @TempDir
    Path tmp;

    static Path fixture(String name) throws Exception {
        return Paths.get(LogFixturesTest.class.getResource("/fixtures/logs/" + name).toURI());
    }

    @Test
    void sendLogTlsFailureThenPlainRetryRefusedByExo() throws Exception {
        CollectingSink s = logs(fixture("SEND20240301-1.LOG"));
        assertThat(outcomes(s)).singleElement().satisfies(t -> {
            assertThat(t.result()).isEqualTo(TlsResult.FAILED);
            assertThat(t.error()).isEqualTo("SocketError");
            assertThat(t.direction()).isEqualTo(FlowDirection.OUTBOUND);
            assertThat(t.peerClass()).isEqualTo(PeerClass.EXCHANGE_ONLINE);
            assertThat(t.connector()).isEqualTo("Internet Mail");
            assertThat(t.source().line()).isEqualTo(13);
        });
        Symptom fallback = symptoms(s).stream().filter(y -> y.id().equals("starttls-fallback-rejected"))
                .findFirst().orElseThrow();
        assertThat(fallback.direction()).isEqualTo(FlowDirection.OUTBOUND);
        assertThat(fallback.peerClass()).isEqualTo(PeerClass.EXCHANGE_ONLINE);
        assertThat(fallback.count()).isEqualTo(1);
        assertThat(fallback.samples()).extracting(p -> p.line()).containsExactly(13, 21);
        assertThat(fallback.firstSeen()).isEqualTo("2024-03-01T10:00:01.400Z");
        assertThat(symptoms(s)).extracting(Symptom::id).containsExactlyInAnyOrder("tls-failed-socketerror",
                "starttls-must-issue-451", "starttls-fallback-rejected");
        assertThat(symptoms(s)).allSatisfy(y -> {
            assertThat(y.direction()).isEqualTo(FlowDirection.OUTBOUND);
            assertThat(y.peerClass()).isEqualTo(PeerClass.EXCHANGE_ONLINE);
        });
    }

    @Test
    void receiveLogFromExoSucceedsWithTls12() throws Exception {
        CollectingSink s = logs(fixture("RECV20240301-1.LOG"));
        assertThat(outcomes(s)).singleElement().satisfies(t -> {
            assertThat(t.direction()).isEqualTo(FlowDirection.INBOUND);
            assertThat(t.peerClass()).isEqualTo(PeerClass.EXCHANGE_ONLINE);
            assertThat(t.protocol()).isEqualTo("TLS 1.2");
            assertThat(t.cipher()).isEqualTo("CALG_AES_256/CALG_SHA_384/CALG_ECDHE");
        });
    }

    @Test
    void queueErrorsInBothFormatsAggregate() throws Exception {
        CollectingSink s = logs(fixture("queue-lasterror.txt"));
        assertThat(symptoms(s)).singleElement().satisfies(y -> {
            assertThat(y.id()).isEqualTo("socketerror-421");
            assertThat(y.direction()).isEqualTo(FlowDirection.OUTBOUND);
            assertThat(y.peerClass()).isEqualTo(PeerClass.EXCHANGE_ONLINE);
            assertThat(y.count()).isEqualTo(2);
            assertThat(y.samples()).extracting(p -> p.line()).containsExactly(5, 9);
            assertThat(y.text()).startsWith("421 4.4.2 Connection dropped due to SocketError");
        });
    }

    @Test
    void applicationLogShowsSmtpAuthLegacyTls() throws Exception {
        CollectingSink s = logs(fixture("app.log"));
        assertThat(symptoms(s)).singleElement().satisfies(y -> {
            assertThat(y.id()).isEqualTo("smtp-auth-legacy-tls-421-4766");
            assertThat(y.firstSeen()).isEqualTo("2024-03-01 10:00:00,123");
            assertThat(y.source().location()).isEqualTo("app.log:2");
        });
    }

    @Test
    void zipAndGzArchivesAreStreamed() throws Exception {
        Path zip = tmp.resolve("logs.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String f : List.of("SEND20240301-1.LOG", "RECV20240301-1.LOG", "queue-lasterror.txt")) {
                z.putNextEntry(new ZipEntry("Logs/" + f));
                z.write(Files.readAllBytes(fixture(f)));
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("Logs/empty/"));
            z.closeEntry();
        }
        CollectingSink s = logs(zip);
        assertThat(s.inputs()).extracting(i -> i.source()).containsExactly("logs.zip!/Logs/SEND20240301-1.LOG",
                "logs.zip!/Logs/RECV20240301-1.LOG", "logs.zip!/Logs/queue-lasterror.txt");
        assertThat(outcomes(s)).extracting(TlsOutcome::result).containsExactlyInAnyOrder(TlsResult.FAILED, TlsResult.SUCCEEDED);
        assertThat(symptoms(s)).extracting(Symptom::id).contains("starttls-fallback-rejected", "socketerror-421");

        Path gz = tmp.resolve("send.log.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(Files.readAllBytes(fixture("SEND20240301-1.LOG")));
        }
        CollectingSink g = logs(gz);
        assertThat(outcomes(g)).singleElement().satisfies(t -> assertThat(t.error()).isEqualTo("SocketError"));
        assertThat(symptoms(g)).extracting(Symptom::id).contains("starttls-fallback-rejected");
    }

    @Test
    void folderIsReadInSortedOrderAndBinaryOrEmptyFilesAreSkipped() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("in/sub"));
        Files.copy(fixture("SEND20240301-1.LOG"), tmp.resolve("in/b-send.log"));
        Files.copy(fixture("app.log"), dir.resolve("a-app.log"));
        Files.write(tmp.resolve("in/a-bin.dat"), new byte[] {0, 1, 2, 3, (byte) 0xFF, 0, 0, 7});
        Files.write(tmp.resolve("in/c-empty.log"), new byte[0]);
        CollectingSink s = TestSymptoms.logs(tmp.resolve("in"));
        assertThat(s.inputs()).extracting(i -> i.source()).containsExactly("in/a-bin.dat", "in/b-send.log",
                "in/c-empty.log", "in/sub/a-app.log");
        assertThat(s.inputs().get(0).skipped()).isEqualTo("not a log: binary content");
        assertThat(s.inputs().get(2).skipped()).isEqualTo("empty file");
        assertThat(symptoms(s)).extracting(Symptom::id).contains("smtp-auth-legacy-tls-421-4766");
    }

    @Test
    void fallbackAcrossTwoFilesOfAFolder() throws Exception {
        List<String> all = Files.readAllLines(fixture("SEND20240301-1.LOG"));
        Path dir = Files.createDirectories(tmp.resolve("split"));
        Files.write(dir.resolve("SEND-1.LOG"), all.subList(0, 14));
        List<String> second = new ArrayList<>(all.subList(0, 5));
        second.addAll(all.subList(14, all.size()));
        Files.write(dir.resolve("SEND-2.LOG"), second);
        CollectingSink s = logs(dir);
        assertThat(symptoms(s)).filteredOn(y -> y.id().equals("starttls-fallback-rejected")).singleElement()
                .satisfies(y -> assertThat(y.samples()).extracting(p -> p.location())
                        .containsExactly("split/SEND-1.LOG:13", "split/SEND-2.LOG:12"));
    }

    @Test
    void trackingLogMatchesOnlyDeferFailDsnRecipientStatus() throws Exception {
        CollectingSink s = logs(fixture("MSGTRK20240301-1.LOG"));
        assertThat(symptoms(s)).singleElement().satisfies(y -> {
            assertThat(y.id()).isEqualTo("socketerror-421");
            assertThat(y.connector()).isEqualTo("Outbound to Office 365");
            assertThat(y.source().line()).isEqualTo(6);
            assertThat(y.firstSeen()).isEqualTo("2024-03-01T10:00:05.000Z");
        });
    }

    @Test
    void openSessionsStayBoundedWithoutDisconnectLines() {
        ScanContext ctx = new ScanContext(new SymptomMatcher(TestSymptoms.SEED_SET), new CollectingSink("logs"),
                Progress.none(), System.nanoTime() + 60_000_000_000L);
        SessionTracker t = new SessionTracker("x.log", "outbound", ctx);
        for (int i = 1; i <= SessionTracker.MAX_SESSIONS * 2 + 5; i++) {
            t.accept(new ProtocolLine("2024-03-01T10:00:00.000Z", "Internet Mail", "S" + i, "198.51.100.7:25", '>',
                    "EHLO mail.contoso.com", "", i, "raw"));
            assertThat(t.openSessions()).isLessThanOrEqualTo(SessionTracker.MAX_SESSIONS + 1);
        }
    }

    @Test
    void parallelReadingGivesExactlyTheSequentialResult() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("par"));
        List<String> all = Files.readAllLines(fixture("SEND20240301-1.LOG"));
        Files.write(dir.resolve("SEND-1.LOG"), all.subList(0, 14));
        List<String> second = new ArrayList<>(all.subList(0, 5));
        second.addAll(all.subList(14, all.size()));
        Files.write(dir.resolve("SEND-2.LOG"), second);
        for (String f : List.of("RECV20240301-1.LOG", "queue-lasterror.txt", "app.log", "MSGTRK20240301-1.LOG")) {
            Files.copy(fixture(f), dir.resolve(f));
        }
        for (int i = 0; i < 6; i++) {
            Files.writeString(dir.resolve("gen-" + i + ".log"), ProtocolLogGenerator.HEADER + String.join("",
                    ProtocolLogGenerator.sequential(new ProtocolLogGenerator(i).sessions(40))));
        }
        Files.write(dir.resolve("zz-binary.bin"), new byte[] {0, 0, 1, 2});
        CollectingSink one = logs(dir, Map.of("progress", "false", "threads", "1"));
        for (String threads : List.of("2", "3")) {
            CollectingSink many = logs(dir, Map.of("progress", "false", "threads", threads));
            assertThat(many.facts()).isEqualTo(one.facts());
            assertThat(many.inputs()).isEqualTo(one.inputs());
        }
        assertThat(symptoms(one)).extracting(Symptom::id).contains("starttls-fallback-rejected");
    }

    @Test
    void missingPathIsAnIoError() {
        Assertions.assertThatThrownBy(() -> logs(tmp.resolve("nope")))
                .isInstanceOf(NoSuchFileException.class);
    }
}
