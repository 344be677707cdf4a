package io.mailflowkb.cli.exports;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.finding.Finding;
import io.mailflowkb.model.spi.CollectingSink;
import io.mailflowkb.model.spi.InputKind;
import io.mailflowkb.model.spi.Request;
import io.mailflowkb.plugins.exchange.ExchangeCollector;
import io.mailflowkb.rules.Diagnostician;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/healthchecker.md's "kb" column names exactly the findings kb gives for each HealthChecker fixture. */
class HealthCheckerDocTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theFixtureTableSaysWhatKbFinds() throws Exception {
        Diagnostician kb = Diagnostician.load();
        Pattern row = Pattern.compile("(?m)^\\| `([^`]+\\.xml)`.*\\| ([^|]*) \\|$");
        Pattern id = Pattern.compile("`([a-z0-9-]+)`");
        Matcher m = row.matcher(Files.readString(ROOT.resolve("docs/healthchecker.md")));
        List<String> checked = new ArrayList<>();
        while (m.find()) {
            Path fixture = ROOT.resolve("kb-plugins/src/test/resources/healthchecker").resolve(m.group(1));
            if (!Files.isRegularFile(fixture)) {
                continue; // the "what is read" table names file patterns, not fixtures
            }
            Set<String> documented = new TreeSet<>();
            Matcher ids = id.matcher(m.group(2));
            while (ids.find()) {
                if (kb.knowledge().finding(ids.group(1)).isPresent()) {
                    documented.add(ids.group(1));
                }
            }
            CollectingSink sink = new CollectingSink(ExchangeCollector.ID);
            try {
                new ExchangeCollector().collect(new Request(InputKind.LOGS, fixture, null, m.group(1), Map.of(),
                        kb.compiledSymptoms(), null, null), sink);
            } catch (io.mailflowkb.model.InvalidInputException e) {
                continue; // rows for files kb does not read say so in words
            }
            Set<String> found = new TreeSet<>(kb.diagnose(sink.toBundle()).findings().stream().map(Finding::id).toList());
            found.remove("unexplained-symptom");
            assertThat(found).as(m.group(1)).isEqualTo(documented);
            checked.add(m.group(1));
        }
        assertThat(checked).contains("E19_GetSendConnector.xml", "E19_GetAllTlsSettings1.xml",
                "assembled/HealthChecker-SOLO-E19A-20261120100000.xml");
    }
}
