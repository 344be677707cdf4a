package io.mailflowkb.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;

/**
 * The hostile Markdown report, rendered to HTML by CommonMark with GitHub's table and autolink extensions:
 * the structure is exactly what the renderer wrote (one table of four columns, the headings and links of the
 * report), and none of the input's markup, links, images or HTML survive as anything but text.
 */
class MarkdownAsGitHubRendersItTest {

    static final List<Extension> GFM = List.of(TablesExtension.create(), AutolinkExtension.create());

    final String html = HtmlRenderer.builder().extensions(GFM).build().render(Parser.builder().extensions(GFM).build()
            .parse(new MarkdownRenderer(ReportContext.plain().withFixScript("x\n```\ny")).render(Hostile.diagnosis())));

    @Test
    void noInputMarkupBecomesHtml() {
        assertThat(html).doesNotContain("<script", "<img", "<b>", "<em>", "<strong>bold", "<del>", "onerror=\"",
                "href=\"javascript", "href=\"http://evil", "href=\"https://evil", "href=\"http://www.evil");
        assertThat(html).contains("&lt;script&gt;window.__pwned=1;");
    }

    @Test
    void oneTableWithFourColumnsAndOneRowPerFinding() {
        assertThat(count("<table>")).isEqualTo(1);
        assertThat(count("<th>")).isEqualTo(4);
        assertThat(count("<td>")).isEqualTo(4);
    }

    @Test
    void onlyTheReportsOwnLinksAndHeadings() {
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        List<String> targets = new java.util.ArrayList<>();
        while (href.find()) {
            targets.add(href.group(1));
        }
        assertThat(targets).containsExactly("#hostile-x", "https://example.org/a?b=1&amp;c=2",
                "https://example.org/q?%22onmouseover=%22x");
        assertThat(count("<h1>")).isEqualTo(1);
        assertThat(count("<h2>")).as("finding, fix script, missing evidence, inputs").isEqualTo(4);
        assertThat(count("<ol>")).isEqualTo(1);
    }

    private int count(String what) {
        int n = 0;
        for (int i = html.indexOf(what); i >= 0; i = html.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
