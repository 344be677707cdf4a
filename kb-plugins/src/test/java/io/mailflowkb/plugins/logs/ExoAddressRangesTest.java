package io.mailflowkb.plugins.logs;

import static io.mailflowkb.plugins.logs.TestSymptoms.corpus;
import static io.mailflowkb.plugins.logs.TestSymptoms.outcomes;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.fact.PeerClass;
import io.mailflowkb.model.spi.CollectingSink;
import io.mailflowkb.model.spi.ExoAddressRanges;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.model.spi.Request;
import io.mailflowkb.model.spi.SymptomSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The log collector classes peers by the Exchange Online ranges its request carries, not by a table of its own. */
class ExoAddressRangesTest {

    static final Path RECEIVE = corpus("exchange-logs/artefacts-help_RECV2023011116-1.LOG"); // peer 95.10.20.33

    static PeerClass peerOf(SymptomSet set) throws Exception {
        CollectingSink sink = new CollectingSink("logs");
        new LogCollector().collect(new Request(InputKind.LOGS, RECEIVE, null, "recv.log", Map.of("progress", "false"),
                set, null, null), sink);
        return outcomes(sink).get(0).peerClass();
    }

    @Test
    void thePeerIsExchangeOnlineOnlyWhenTheRequestsRangesHoldItsAddress() throws Exception {
        assertThat(peerOf(TestSymptoms.SEED_SET)).isEqualTo(PeerClass.OTHER); // the shipped ranges: not EXO
        ExoAddressRanges mine = ExoAddressRanges.of(List.of("95.10.20.0/24"), "test");
        assertThat(peerOf(SymptomSet.of(TestSymptoms.SEED, mine))).isEqualTo(PeerClass.EXCHANGE_ONLINE);
    }

    @Test
    void theShippedRangesHoldPublishedAddressesOnBothFamiliesAndNeverLookNamesUp() {
        ExoAddressRanges r = ExoAddressRanges.PUBLISHED;
        assertThat(r.contains("40.93.255.1")).isTrue();   // 40.92.0.0/15 ends at 40.93.255.255
        assertThat(r.contains("40.94.0.1")).isFalse();
        assertThat(r.contains("104.47.127.9")).isTrue();  // /17
        assertThat(r.contains("104.47.128.9")).isFalse();
        assertThat(r.contains("2a01:111:f403:c000::1")).isTrue();
        assertThat(r.contains("2a01:111:f404::1")).isFalse();
        assertThat(r.contains("localhost")).isFalse();     // a name is not an address: no lookup
        assertThat(ExoAddressRanges.problem("40.92.0.0/33")).contains("not an address range");
        assertThat(ExoAddressRanges.problem("mail.example/8")).contains("not an address range");
        assertThat(ExoAddressRanges.problem("40.92.0.0/15")).isNull();
    }
}
