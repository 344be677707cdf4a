package io.mailflowkb.cli.render;

import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.finding.Direction;
import io.mailflowkb.model.finding.Evidence;
import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.model.finding.InputSummary;
import io.mailflowkb.model.finding.MissingEvidence;
import io.mailflowkb.model.finding.Reference;
import io.mailflowkb.model.finding.RemediationStep;
import io.mailflowkb.model.finding.Severity;
import java.util.List;

/** Text an attacker controls (a log line, a registry value, a user knowledge file) in every field a report shows. */
public final class Hostile {

    public static final String SCRIPT = "<script>window.__pwned=1;document.documentElement.setAttribute('data-pwned','1')</script>";
    public static final String IMG = "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','2')\">";
    public static final String MARKDOWN = "| broken | table |\n# heading\n[click](javascript:alert(1)) ![i](http://evil/x.png) "
            + "**bold** _em_ `code` ~~strike~~ https://evil.example/ www.evil.example <b>tag</b> 1. item";
    public static final String ALL = SCRIPT + " " + IMG + " " + MARKDOWN;

    private Hostile() {
    }

    public static Diagnosis diagnosis() {
        Finding f = new Finding("hostile-" + "x", Severity.CRITICAL, "Title " + ALL, Direction.OUTBOUND,
                List.of(new Evidence("log<b>.txt:1|2", "fact " + ALL), new Evidence("`tick`", "second " + SCRIPT)),
                List.of(new RemediationStep(1, "Step " + ALL, List.of("cmd " + ALL, "```\nGet-Queue")),
                        new RemediationStep(2, "Plain step", List.of())),
                List.of(new Reference("ref " + ALL, "javascript:alert(1)"),
                        new Reference("ok \"ref\"", "https://example.org/a?b=1&c=2"),
                        new Reference("quote", "https://example.org/q?\"onmouseover=\"x")),
                "knowledge/" + SCRIPT);
        return new Diagnosis(List.of(f), List.of(new MissingEvidence("what " + ALL, "why " + IMG, "how " + MARKDOWN)),
                List.of(new InputSummary("input " + SCRIPT, "logs", 3, List.of("line 9: " + ALL))));
    }
}
