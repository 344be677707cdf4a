package io.mailflowkb.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Input text must not be able to add Markdown or HTML structure to a ticket. */
class MarkdownRendererTest {

    final String md = new MarkdownRenderer(ReportContext.plain().withFixScript("reg add X\n```\nnot the end")).render(Hostile.diagnosis());

    /**
     * The report without fenced blocks and code spans, whose content Markdown shows literally (raw HTML and
     * link syntax included): what is left is where input text could add structure.
     */
    final String prose = md.replaceAll("(?ms)^ *(`{3,})[^\\n]*\\n.*?^ *\\1\\s*$", "")
            .replace("\\`", "")
            .replaceAll("(?s)(`+) .*? \\1|(`+)[^` ].*?\\2", "");

    @Test
    void noRawHtmlFromInput() {
        assertThat(prose).doesNotContain("<script", "<img", "<b>");
        assertThat(md).contains("&lt;script&gt;", "&lt;img src=x");
    }

    @Test
    void summaryTableRowsKeepTheirFourCells() {
        List<String> rows = md.lines().filter(l -> l.startsWith("| ")).toList();
        assertThat(rows).hasSize(2);
        for (String row : rows) {
            // an unescaped pipe is a cell border: header and rows must have exactly five
            assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).as(row).isEqualTo(5);
        }
    }

    @Test
    void inputCannotStartLinksHeadingsOrEmphasis() {
        // with every backslash-escaped character dropped, no markup may be left
        String unescaped = prose.replaceAll("\\\\.", "");
        assertThat(unescaped).doesNotContain("[click]", "![i]", "](javascript", "**bold**", "_em_", "~~strike~~",
                "https://evil", "www.evil");
        assertThat(md).contains("\\[click\\]", "\\*\\*bold\\*\\*", "`https://evil.example/`", "`www.evil.example`");
        assertThat(prose.lines().filter(l -> l.startsWith("#"))).allMatch(l -> l.matches("#{1,3} .*"))
                .noneMatch(l -> l.contains("heading"));
        // a javascript: reference is shown as code, never as a link target
        assertThat(md).contains("`javascript:alert(1)`");
    }

    @Test
    void backticksInCommandsCannotCloseTheFence() {
        assertThat(md).contains("````powershell").contains("   ```\n   Get-Queue");
        assertThat(md).contains("`` `tick` ``");
    }

    @Test
    void fixScriptIsFencedAndCannotEscape() {
        assertThat(md).contains("## Fix script", "````powershell\nreg add X\n```\nnot the end\n````");
    }

    @Test
    void escapesKeepPlainTextReadable() {
        assertThat(MarkdownText.inline("HKLM\\SYSTEM\\TLS 1.2\\Client = 0 (see tls12-client-disabled)"))
                .isEqualTo("HKLM\\SYSTEM\\TLS 1.2\\Client = 0 (see tls12-client-disabled)");
        assertThat(MarkdownText.inline("1. not a list")).isEqualTo("1\\. not a list");
        assertThat(MarkdownText.inline("- not an item")).isEqualTo("\\- not an item");
        assertThat(MarkdownText.inline("ends with \\")).isEqualTo("ends with \\\\");
    }
}
