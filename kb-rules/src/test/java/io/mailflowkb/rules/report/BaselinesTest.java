package io.mailflowkb.rules.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.bundle.FactBundle;
import io.mailflowkb.model.fact.Provenance;
import io.mailflowkb.model.fact.RegistryValue;
import io.mailflowkb.model.finding.Comparison;
import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.finding.Direction;
import io.mailflowkb.model.finding.Evidence;
import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.model.finding.HostSummary;
import io.mailflowkb.model.finding.InputSummary;
import io.mailflowkb.model.finding.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which baseline findings count as resolved, and which only as not re-examined (issue 14 (a)). */
class BaselinesTest {

    static final String LOG_KIND = "Exchange SMTP protocol log";

    static Finding finding(String id, String... sources) {
        List<Evidence> evidence = java.util.Arrays.stream(sources).map(s -> new Evidence(s, "fact at " + s)).toList();
        return new Finding(id, Severity.CRITICAL, id, Direction.OUTBOUND, evidence, List.of(), List.of(), "r");
    }

    static Diagnosis baseline() {
        return new Diagnosis(List.of(
                finding("from-registry", "schannel.reg:25"),
                finding("from-log", "logs/SEND20240301-1.LOG:41", "correlation"),
                finding("from-both", "schannel.reg:13", "SEND20240301-1.LOG:41"),
                finding("from-probe", "probe:mx.example.org:25"),
                finding("from-nothing", "correlation")), List.of(), List.of(
                new InputSummary("C:\\evidence\\schannel.reg", "registry", 5, List.of(), null, "registry export"),
                new InputSummary("evidence/logs/SEND20240301-1.LOG", "logs", 2, List.of(), null, LOG_KIND)));
    }

    static Comparison compare(List<InputSummary> inputs, FactBundle bundle) {
        Diagnosis now = new Diagnosis(List.of(), List.of(), inputs);
        return Baselines.compare(now, bundle, baseline(), "before.json", null).comparison();
    }

    @Test
    void nothingGivenAgainResolvesNothing() {
        Comparison c = compare(List.of(), FactBundle.builder().build());
        assertThat(c.resolved()).extracting(r -> r.id()).containsExactlyInAnyOrder("from-nothing");
        assertThat(c.notReexamined()).extracting(r -> r.id() + " <- " + r.collect()).containsExactlyInAnyOrder(
                "from-registry <- [schannel.reg (registry export)]",
                "from-log <- [logs/SEND20240301-1.LOG (" + LOG_KIND + ")]",
                "from-both <- [schannel.reg (registry export), SEND20240301-1.LOG (" + LOG_KIND + ")]",
                "from-probe <- [a probe of mx.example.org:25]");
    }

    @Test
    void theSameFileNameInAnotherFolderOrCaseIsExaminedAgain() {
        FactBundle b = FactBundle.builder().add(RegistryValue.dword("HKLM\\SOFTWARE\\X", "A", 1,
                Provenance.of("after/SCHANNEL.REG", 3))).build();
        Comparison c = compare(List.of(), b);
        assertThat(c.resolved()).extracting(r -> r.id()).containsExactlyInAnyOrder("from-registry", "from-both", "from-nothing");
    }

    @Test
    void aLogOfAnotherNameButTheSameKindCountsARegistryExportDoesNot() {
        Comparison c = compare(List.of(
                new InputSummary("SEND20240302-1.LOG", "logs", 1, List.of(), null, LOG_KIND),
                new InputSummary("windows.reg", "registry", 4, List.of(), null, "registry export")),
                FactBundle.builder().build());
        assertThat(c.resolved()).extracting(r -> r.id()).containsExactlyInAnyOrder("from-log", "from-both", "from-nothing");
        assertThat(c.notReexamined()).extracting(r -> r.id()).containsExactlyInAnyOrder("from-registry", "from-probe");
    }

    @Test
    void aSkippedInputWasNotExamined() {
        Comparison c = compare(List.of(new InputSummary("schannel.reg", "registry", 0, List.of(), "unreadable",
                "registry export")), FactBundle.builder().build());
        assertThat(c.notReexamined()).extracting(r -> r.id()).contains("from-registry");
    }

    @Test
    void sinceIsTheCollectionTimeElseTheEvidenceElseTheFileSaidAsSuch() {
        HostSummary none = HostSummary.NOTHING_KNOWN;
        assertThat(Baselines.since(none, null)).containsExactly(HostSummary.UNKNOWN, null);
        assertThat(Baselines.since(none, Instant.parse("2026-11-30T08:00:00.123Z")))
                .containsExactly("2026-11-30T08:00:00Z", Comparison.BASIS_FILE);
        Comparison c = new Comparison("b.json", "2026-11-30T08:00:00Z", Comparison.BASIS_FILE, null, null, null,
                null, null);
        assertThat(c.sinceText()).isEqualTo("2026-11-30T08:00:00Z (when the baseline file was last modified)");
        assertThat(new Comparison("b.json", HostSummary.UNKNOWN, Comparison.BASIS_FILE, null, null, null, null, null)
                .sinceBasis()).isNull();
    }
}
