package io.mailflowkb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.model.bundle.Mappers;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bundled example renders in all four formats, each well-formed, with the same exit code. */
class ReportFormatsTest {

    static Stream<String> examples() {
        return Kb.run("diagnose", "--example").out().lines();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyFormatForEveryExample(String example) throws Exception {
        Kb json = Kb.run("diagnose", "--example", example, "--format", "json");
        Kb md = Kb.run("diagnose", "--example", example, "--format", "markdown");
        Kb html = Kb.run("diagnose", "--example", example, "--format", "html");
        Kb text = Kb.run("diagnose", "--example", example);
        for (Kb kb : List.of(json, md, html, text)) {
            assertThat(kb.err()).isEmpty();
            assertThat(kb.out()).isNotBlank();
            assertThat(kb.exit()).isEqualTo(json.exit()).isIn(ExitCode.OK, ExitCode.FINDINGS);
        }
        int findings = Mappers.json().readTree(json.out()).get("findings").size();

        assertThat(md.out()).startsWith("# Mail-flow diagnosis\n");
        if (findings > 0) {
            assertThat(md.out()).contains("| Severity | Finding | Title | Direction |\n|---|---|---|---|\n");
            assertThat(md.out().lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Severity"))).hasSize(findings);
        }

        String page = html.out();
        assertThat(page).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(page.split("<html", -1)).hasSize(2);
        assertThat(page.split("<section class=\"finding (critical|warning|info)\"", -1)).hasSize(findings + 1);
        // nothing loaded from anywhere: the only URLs are reference links people click
        assertThat(page).doesNotContainPattern("(?i)\\ssrc=");
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(page);
        while (href.find()) {
            String target = href.group(1);
            assertThat(target).matches("#f\\d+|https?://.*");
            if (target.startsWith("http")) {
                assertThat(page.substring(href.start() - 3, href.start())).isEqualTo("<a ");
            }
        }
    }
}
