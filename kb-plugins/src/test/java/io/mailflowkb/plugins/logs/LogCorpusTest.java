package io.mailflowkb.plugins.logs;

import static io.mailflowkb.plugins.logs.TestSymptoms.corpus;
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
import io.mailflowkb.model.spi.InputKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a careful reader knows from each real corpus file, checked against the collector. */
class LogCorpusTest {

    @Test
    void receiveLogHasOneInboundTls12Success() throws Exception {
        CollectingSink s = logs(corpus("exchange-logs/artefacts-help_RECV2023011116-1.LOG"));
        List<TlsOutcome> o = outcomes(s);
        assertThat(o).hasSize(1);
        TlsOutcome t = o.get(0);
        assertThat(t.direction()).isEqualTo(FlowDirection.INBOUND);
        assertThat(t.result()).isEqualTo(TlsResult.SUCCEEDED);
        assertThat(t.protocol()).isEqualTo("TLS 1.2");
        assertThat(t.cipher()).isEqualTo("CALG_AES_128/CALG_SHA_256/CALG_ECDH_EPHEM");
        assertThat(t.connector()).isEqualTo("SERVER-HOSTNAME\\Default Frontend SERVER-HOSTNAME");
        assertThat(t.peerClass()).isEqualTo(PeerClass.OTHER);
        assertThat(t.count()).isEqualTo(1);
        assertThat(t.firstSeen()).isEqualTo("2023-01-11T16:00:01.010Z");
        assertThat(t.source().location()).isEqualTo("artefacts-help_RECV2023011116-1.LOG:12");
        assertThat(symptoms(s)).isEmpty();
        assertThat(s.inputs()).singleElement().satisfies(i -> assertThat(i.skipped()).isNull());
    }

    @Test
    void unknownCredentialsSendLogDespiteMarkdown() throws Exception {
        CollectingSink s = logs(corpus("exchange-logs/officedocs-support_KB4051498_send-log-UnknownCredentials.md"));
        assertThat(outcomes(s)).singleElement().satisfies(t -> {
            assertThat(t.result()).isEqualTo(TlsResult.FAILED);
            assertThat(t.error()).isEqualTo("UnknownCredentials");
            assertThat(t.direction()).isEqualTo(FlowDirection.OUTBOUND);
            assertThat(t.connector()).isEqualTo("Outbound to Office 365");
            assertThat(t.firstSeen()).isEqualTo("2017-10-07T04:42:56.804Z");
            assertThat(t.source().line()).isEqualTo(6);
        });
        assertThat(symptoms(s)).singleElement().satisfies(y -> {
            assertThat(y.id()).isEqualTo("tls-failed-unknowncredentials");
            assertThat(y.direction()).isEqualTo(FlowDirection.OUTBOUND);
            assertThat(y.connector()).isEqualTo("Outbound to Office 365");
        });
    }

    @Test
    void noCredentialsSendLogDespiteBrokenCsv() throws Exception {
        CollectingSink s = logs(corpus("exchange-logs/officedocs-support_KB4495258_send-log-NoCredentials.md"));
        assertThat(outcomes(s)).singleElement().satisfies(t -> {
            assertThat(t.result()).isEqualTo(TlsResult.FAILED);
            assertThat(t.error()).isEqualTo("NoCredentials");
            assertThat(t.direction()).isEqualTo(FlowDirection.OUTBOUND);
            assertThat(t.connector()).isEqualTo("Outbound to Office 365");
            assertThat(t.firstSeen()).isNull(); // the doc replaced the times with "Date/Time"
            assertThat(t.source().line()).isEqualTo(7);
        });
        assertThat(symptoms(s)).extracting(Symptom::id).containsExactly("tls-failed-nocredentials");
    }

    @Test
    void queueLastErrorWithTimeoutIsNoSeedSymptomButSendLogLineIs() throws Exception {
        CollectingSink s = logs(corpus("exchange-logs/officedocs-support_KB4051498_queue-lasterror.md"));
        assertThat(outcomes(s)).isEmpty();
        assertThat(symptoms(s)).singleElement().satisfies(y -> {
            assertThat(y.id()).isEqualTo("tls-failed-unknowncredentials");
            assertThat(y.source().line()).isEqualTo(7);
        });
    }

    @Test
    void trackingLogsAreReadWithoutFalseSymptoms() throws Exception {
        for (String f : List.of("exchange-logs/beats_bom8_MSGTRK-exchange2010.log",
                "exchange-logs/artefacts-help_MSGTRKMS2022091915-1.LOG")) {
            CollectingSink s = logs(corpus(f));
            assertThat(s.facts()).as(f).isEmpty();
            assertThat(s.inputs()).as(f).singleElement().satisfies(i -> {
                assertThat(i.skipped()).isNull();
                assertThat(i.collector()).isEqualTo("logs");
            });
        }
    }

    @Test
    void microsoftSymptomListShowsAllThreeSeeds() throws Exception {
        CollectingSink s = logs(corpus("ndr/officedocs-support_socketerror-symptoms.md"));
        assertThat(symptoms(s)).extracting(Symptom::id).containsExactlyInAnyOrder(
                "socketerror-421", "tls-failed-socketerror", "starttls-must-issue-451");
    }

    @Test
    void hybridProxyErrorIsStarttlsRequired() throws Exception {
        CollectingSink s = logs(corpus("ndr/officedocs-support_hybrid-450-4.4.101-starttls.md"));
        assertThat(symptoms(s)).singleElement().satisfies(y -> {
            assertThat(y.id()).isEqualTo("starttls-required-451");
            assertThat(y.text()).isEqualTo("451 5.7.3 STARTTLS is required to send mail.");
        });
    }

    @Test
    void sisimaiNdrsAreNotTlsSymptomsButDecodeAcrossSoftBreaks() throws Exception {
        for (String f : List.of("ndr/sisimai_lhost-office365-06.eml", "ndr/sisimai_lhost-office365-08.eml")) {
            assertThat(symptoms(logs(corpus(f)))).as(f).isEmpty();
        }
        // the soft break in office365-06 splits the code itself: "returned '4=" / "50 4.4.312"
        CollectingSink s = TestSymptoms.run(new LogCollector(), InputKind.LOGS,
                corpus("ndr/sisimai_lhost-office365-06.eml"),
                List.of(TestSymptoms.def("dns-312", "outbound", "returned '450 4.4.312 DNS query failed"),
                        TestSymptoms.def("status-5.4.312", "outbound", "Status: 5.4.312")));
        assertThat(symptoms(s)).extracting(Symptom::id).containsExactlyInAnyOrder("dns-312", "status-5.4.312");
        assertThat(symptoms(s)).allSatisfy(y -> assertThat(y.firstSeen()).isEqualTo("2018-05-25T08:21:10Z"));
        assertThat(symptoms(s)).filteredOn(y -> y.id().equals("dns-312"))
                .singleElement().satisfies(y -> assertThat(y.source().line()).isEqualTo(175));
    }

    @Test
    void wholeCorpusFolderReadsEveryFile() throws Exception {
        CollectingSink s = logs(corpus("exchange-logs"));
        assertThat(s.inputs()).hasSize(6).allSatisfy(i -> assertThat(i.skipped()).isNull());
        assertThat(outcomes(s)).hasSize(3);
    }
}
