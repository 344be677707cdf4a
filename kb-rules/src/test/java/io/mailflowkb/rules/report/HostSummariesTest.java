package io.mailflowkb.rules.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.fact.HostProfile;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.Symptom;
import io.mailflowkb.model.finding.HostSummary;
import io.mailflowkb.rules.Diagnostician;
import io.mailflowkb.rules.derive.ExchangeBaselines;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The header's Exchange CU comes from the knowledge's build table (domain notes 5.1), never guessed. */
class HostSummariesTest {

    static Diagnostician kb;

    @BeforeAll
    static void load() {
        kb = Diagnostician.load();
    }

    static HostSummary of(String version, String build) {
        FactBundle b = FactBundle.builder().add(new HostProfile("Windows Server 2016 Standard", 14393, version, build,
                null, "EX01", Provenance.of("exchange.reg", 5))).build();
        return HostSummaries.of(b, new ExchangeBaselines(kb.knowledge().exchangeBuilds()));
    }

    @Test
    void everyBuildOfTheDomainNotesNamesItsCu() {
        assertThat(of("2013", "15.0.1497.2").exchangeLine()).isEqualTo("Exchange Server 2013 CU23 (build 15.0.1497.2)");
        assertThat(of("2016", "15.1.1415.2").exchangeLine()).isEqualTo("Exchange Server 2016 CU8 (build 15.1.1415.2)");
        assertThat(of(null, "15.2.1748.10").exchangeLine()).isEqualTo("Exchange Server 2019 CU15 (build 15.2.1748.10)");
        assertThat(of("SE", "15.2.2562.17").exchangeLine())
                .isEqualTo("Exchange Server Subscription Edition RTM (build 15.2.2562.17)");
        assertThat(kb.knowledge().exchangeBuilds()).hasSize(11).allMatch(b -> b.tag().equals("S56"));
    }

    @Test
    void aBuildBetweenRowsIsLaterThanTheLowerOneAndNothingElseIsGuessed() {
        assertThat(of("2016", "15.1.2507.39").exchangeCu()).isEqualTo("later than CU23");
        assertThat(of("2016", "15.1.1000.1").exchangeCu()).as("below every 2016 row").isEqualTo("unknown");
        assertThat(of("2016", "15.1.1000.1").exchange()).isEqualTo("Exchange Server 2016");
        assertThat(of("2010", "14.3.123.4").exchangeLine()).isEqualTo("Exchange Server 2010, CU unknown (build 14.3.123.4)");
        assertThat(of(null, null).exchangeLine()).isEqualTo("unknown");
        assertThat(of(null, null).osLine()).isEqualTo("Windows Server 2016 Standard, build 14393");
    }

    @Test
    void evidenceRangeComparesTimesAsInstantsWhateverTheirPrecisionOrOffset() {
        FactBundle b = FactBundle.builder()
                .add(new Symptom("x", "t", null, null, null, 1, "2024-03-01T10:00:00.5Z", "2024-03-01T10:00:00Z",
                        List.of(Provenance.of("a.log", 1))))
                .add(new Symptom("y", "t", null, null, null, 1, "2024-03-01T11:30:00+02:00", "2024-03-01T12:00:00.001Z",
                        List.of(Provenance.of("b.log", 1))))
                .build();
        HostSummary h = HostSummaries.of(b, new ExchangeBaselines(kb.knowledge().exchangeBuilds()));
        // both ends in UTC to the second (found in review: the range mixed the inputs' precisions and offsets)
        assertThat(h.evidenceFrom()).isEqualTo("2024-03-01T09:30:00Z");
        assertThat(h.evidenceTo()).isEqualTo("2024-03-01T12:00:00Z");
        assertThat(h.name()).isEqualTo("unknown");
        assertThat(h.collected()).isEqualTo("unknown");
    }
}
