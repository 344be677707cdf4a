package io.mailflowkb.cli.render;

import io.mailflowkb.model.finding.Diagnosis;
import io.mailflowkb.model.finding.HostSummary;
import io.mailflowkb.model.finding.InputSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines at the top of every report, in every format: which server, its Windows and Exchange, when the
 * evidence is from and what was read. Only words from {@link HostSummary}; each format escapes the values.
 */
record ReportHeader(String label, String value) {

    /** Input names shown in the header before "and N more" (the Inputs section lists them all). */
    static final int INPUTS_SHOWN = 6;

    static List<ReportHeader> of(Diagnosis d) {
        HostSummary h = d.host();
        List<ReportHeader> out = new ArrayList<>();
        out.add(new ReportHeader("Server", h.serverLineWithOrigin()));
        out.add(new ReportHeader("Windows", h.osLine()));
        out.add(new ReportHeader("Exchange", h.exchangeLine()));
        out.add(new ReportHeader("Collected", h.collected()));
        out.add(new ReportHeader("Evidence from", h.evidenceRange()));
        out.add(new ReportHeader("Inputs read", inputs(d.inputs())));
        return out;
    }

    static String inputs(List<InputSummary> inputs) {
        if (inputs.isEmpty()) {
            return "none";
        }
        List<String> names = inputs.stream().limit(INPUTS_SHOWN).map(InputSummary::source).toList();
        String more = inputs.size() > INPUTS_SHOWN ? " and " + (inputs.size() - INPUTS_SHOWN) + " more" : "";
        return inputs.size() + " (" + String.join(", ", names) + more + ")";
    }
}
