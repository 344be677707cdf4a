package io.mailflowkb.plugins.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.fact.EventRecord;
import io.mailflowkb.model.fact.Symptom;
import io.mailflowkb.model.spi.CollectingSink;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.plugins.logs.TestSymptoms;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventCollectorTest {

    @TempDir
    Path tmp;

    private static Path resource(String r) throws Exception {
        return Paths.get(EventCollectorTest.class.getResource(r).toURI());
    }

    private static CollectingSink run(Path p) throws Exception {
        return TestSymptoms.run(new EventCollector(), InputKind.EVENTS, p, TestSymptoms.SEED);
    }

    private static List<EventRecord> events(CollectingSink s) {
        return s.facts().stream().filter(EventRecord.class::isInstance).map(EventRecord.class::cast).toList();
    }

    private static EventRecord one(CollectingSink s, int id) {
        return events(s).stream().filter(e -> e.eventId() == id).findFirst().orElseThrow();
    }

    @Test
    void schannel36870FromEventViewerTextWithXml() throws Exception {
        CollectingSink s = run(resource("/corpus/events/sf-tsg_schannel-36870_eventviewer-copy-with-xml.txt"));
        assertThat(events(s)).singleElement().satisfies(e -> {
            assertThat(e.provider()).isEqualTo("Schannel");
            assertThat(e.eventId()).isEqualTo(36870);
            assertThat(e.level()).isEqualTo("Error");
            assertThat(e.data()).containsEntry("ErrorCode", "0x8009030D").containsEntry("ErrorStatus", "10001")
                    .containsEntry("Type", "server");
            assertThat(e.firstSeen()).isEqualTo("2022-10-16T20:27:36.222854900Z");
            assertThat(e.message()).startsWith("A fatal error occurred when attempting to access the TLS server");
            assertThat(e.source().line()).isEqualTo(13);
        });
    }

    @Test
    void exchange12014FromMarkdownEventViewerText() throws Exception {
        CollectingSink s = run(resource("/corpus/events/officedocs-support_MSExchangeFrontEndTransport-12014.md"));
        assertThat(events(s)).singleElement().satisfies(e -> {
            assertThat(e.provider()).isEqualTo("MSExchangeFrontEndTransport");
            assertThat(e.eventId()).isEqualTo(12014);
            assertThat(e.level()).isEqualTo("Error");
            assertThat(e.datum("FQDN")).startsWith("<I>CN=Certificate Name").contains("<S>CN=mail.contoso.com");
            assertThat(e.firstSeen()).isNull(); // "MM/DD/YYYY" placeholder
        });
    }

    @Test
    void wevtutilRootlessXmlAggregatesSchannelAndSkipsOthers() throws Exception {
        CollectingSink s = run(resource("/fixtures/events/wevtutil-schannel.xml"));
        assertThat(events(s)).hasSize(4);
        EventRecord alert = one(s, 36887);
        assertThat(alert.data()).isEqualTo(Map.of("AlertDesc", "70"));
        assertThat(alert.count()).isEqualTo(2);
        assertThat(alert.firstSeen()).isEqualTo("2024-03-01T10:00:00.000000000Z");
        assertThat(alert.lastSeen()).isEqualTo("2024-03-01T11:30:00.000000000Z");
        assertThat(alert.samples()).extracting(p -> p.line()).containsExactly(1, 2);
        assertThat(one(s, 36888).data()).isEqualTo(Map.of("AlertDesc", "70", "ErrorState", "105"));
        assertThat(one(s, 36888).provider()).isEqualTo("Schannel");
        assertThat(one(s, 36871).data()).isEqualTo(Map.of("Type", "client", "ErrorState", "10013"));
        assertThat(one(s, 36874).data()).isEqualTo(Map.of("Protocol", "TLS 1.0"));
        assertThat(s.warnings()).anySatisfy(w -> assertThat(w).contains("1 of 6 events skipped"));
    }

    @Test
    void renderedXmlWithRootAndDeclaration() throws Exception {
        CollectingSink s = run(resource("/fixtures/events/wevtutil-rendered-root.xml"));
        assertThat(one(s, 12014).datum("FQDN")).isEqualTo("mail.contoso.com");
        assertThat(one(s, 12014).level()).isEqualTo("Error");
        assertThat(one(s, 2015).provider()).isEqualTo("MSExchangeTransport");
        assertThat(s.facts()).filteredOn(Symptom.class::isInstance).map(f -> ((Symptom) f).id())
                .containsExactly("starttls-required-451");
    }

    @Test
    void getWinEventJsonArray() throws Exception {
        CollectingSink s = run(resource("/fixtures/events/getwinevent.json"));
        assertThat(events(s)).hasSize(3);
        assertThat(one(s, 36887).data()).isEqualTo(Map.of("AlertDesc", "70"));
        assertThat(one(s, 36887).firstSeen()).isEqualTo("2023-11-14T22:13:20Z");
        assertThat(one(s, 36888).data()).isEqualTo(Map.of("AlertDesc", "70", "ErrorState", "105"));
        assertThat(one(s, 4001).provider()).isEqualTo("MSExchange Availability");
        assertThat(one(s, 36887).source().line()).isEqualTo(2);
        assertThat(s.warnings()).anySatisfy(w -> assertThat(w).contains("1 of 4 events skipped"));
    }

    @Test
    void getWinEventJsonSingleObjectInUtf16() throws Exception {
        String json = Files.readString(resource("/fixtures/events/getwinevent-single.json"));
        Path f = tmp.resolve("single.json");
        byte[] body = json.getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        Files.write(f, withBom);
        CollectingSink s = run(f);
        assertThat(events(s)).singleElement().satisfies(e -> {
            assertThat(e.eventId()).isEqualTo(36871);
            assertThat(e.data()).isEqualTo(Map.of("Type", "client", "ErrorState", "10013"));
            assertThat(e.firstSeen()).isEqualTo("2023-11-14T22:13:20Z");
        });
    }

    @Test
    void externalEntitiesAreNeverResolved() throws Exception {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, "TOPSECRET");
        Path f = tmp.resolve("xxe.xml");
        Files.writeString(f, "<?xml version=\"1.0\"?>\n<!DOCTYPE e [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<Event><System><Provider Name='Schannel'/><EventID>36887</EventID></System>"
                + "<EventData><Data Name='AlertDesc'>&x;</Data></EventData></Event>\n");
        CollectingSink s = run(f);
        assertThat(s.facts().toString()).doesNotContain("TOPSECRET");
        assertThat(s.inputs()).singleElement().satisfies(i ->
                assertThat(i.skipped() != null || !i.warnings().isEmpty()).isTrue());
    }

    @Test
    void predefinedEntitiesAreDecoded() throws Exception {
        Path f = tmp.resolve("entities.xml");
        Files.writeString(f, "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
                + "<Provider Name='MSExchangeFrontEndTransport'/><EventID>12014</EventID><Level>2</Level></System>"
                + "<EventData><Data>&lt;I&gt;CN=CA&lt;S&gt;CN=mail.contoso.com &amp; more</Data></EventData></Event>\n");
        assertThat(one(run(f), 12014).datum("FQDN")).isEqualTo("<I>CN=CA<S>CN=mail.contoso.com & more");
    }

    @Test
    void garbageAndEmptyFilesAreSkipped() throws Exception {
        Path empty = Files.write(tmp.resolve("empty.xml"), new byte[0]);
        assertThat(run(empty).inputs()).singleElement().satisfies(i -> assertThat(i.skipped()).isEqualTo("empty file"));
        Path text = Files.writeString(tmp.resolve("notes.txt"), "hello\nworld\n");
        assertThat(run(text).inputs()).singleElement().satisfies(i -> assertThat(i.skipped()).startsWith("not an event"));
        Path broken = Files.writeString(tmp.resolve("broken.xml"), "<Event><System><Provider Name='Schannel'/>"
                + "<EventID>36887</EventID></System></Event>\n<Event><System><Provider");
        CollectingSink s = run(broken);
        assertThat(events(s)).hasSize(1);
        assertThat(s.warnings()).anySatisfy(w -> assertThat(w).contains("XML not readable"));
    }
}
