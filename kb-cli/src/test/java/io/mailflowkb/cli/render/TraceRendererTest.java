package io.mailflowkb.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.rules.explain.Firing;
import io.mailflowkb.rules.explain.Matched;
import io.mailflowkb.rules.explain.NotFired;
import io.mailflowkb.rules.explain.Trace;
import io.mailflowkb.rules.explain.Unmet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The words of {@code --explain}, from a trace built by hand: every kind of matched object and unmet pattern. */
class TraceRendererTest {

    static final Trace TRACE = new Trace(
            List.of(new Firing("finding:tls12-client-disabled", List.of(Matched.fact("TLS 1.2 client is disabled"),
                            Matched.collection(3), Matched.fact("Enabled = 0"))),
                    new Firing("no-host-profile", List.of())),
            List.of(new NotFired("tls12-server-disabled", List.of(new Unmet(Unmet.Reason.NO_MATCH, "ProtocolState",
                            List.of("protocol=TLS 1.2", "role=server"), 0, null))),
                    new NotFired("queue-retry", List.of(new Unmet(Unmet.Reason.TOO_FEW, "Symptom", List.of("id=retry"), 1, 2),
                            new Unmet(Unmet.Reason.PRESENT, "HostProfile", List.of(), 1, null))),
                    new NotFired("odd", List.of())));

    @Test
    void textFollowsTheReport() {
        assertThat(TraceRenderer.append("REPORT\n", Format.TEXT, TRACE)).isEqualTo("""
                REPORT

                Explanation (rules that fired, in order):
                  + finding:tls12-client-disabled <- TLS 1.2 client is disabled; (3 collected); Enabled = 0
                  + no-host-profile <- (no facts)
                Considered, did not fire:
                  - tls12-server-disabled: no ProtocolState with protocol=TLS 1.2, role=server
                  - queue-retry: only 1 Symptom with id=retry (needs 2); or a HostProfile exists (the rule needs it absent)
                  - odd: conditions hold but no rule fired
                """);
    }

    @Test
    void jsonGetsAnExplanationObjectWithTheSameLines() {
        String json = TraceRenderer.append("{\n  \"findings\" : [ ]\n}\n", Format.JSON,
                new Trace(TRACE.fired().subList(1, 2), TRACE.notFired().subList(2, 3)));
        assertThat(json.replaceAll("\\s+", "")).isEqualTo("{\"findings\":[],\"explanation\":{\"fired\":"
                + "[\"no-host-profile<-(nofacts)\"],\"notFired\":[\"odd:conditionsholdbutnorulefired\"]}}");
    }
}
