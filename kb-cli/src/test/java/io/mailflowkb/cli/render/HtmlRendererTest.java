package io.mailflowkb.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every text from inputs is escaped; the page is one file that loads nothing and runs only its own script. */
class HtmlRendererTest {

    final String html = new HtmlRenderer(ReportContext.plain().withFixScript("reg add </pre><script>x()</script>"))
            .render(Hostile.diagnosis());

    @Test
    void hostileTextIsEscapedEverywhere() {
        assertThat(html).doesNotContain("<img", "<b>", "onerror=\"", "javascript:alert(1)\"", "href=\"javascript");
        assertThat(count(html, "<script")).as("only the page's own script").isEqualTo(1);
        assertThat(html).contains("&lt;script&gt;window.__pwned=1;document.documentElement.setAttribute(&#39;data-pwned&#39;,&#39;1&#39;)&lt;/script&gt;");
        assertThat(html).contains("reg add &lt;/pre&gt;&lt;script&gt;x()&lt;/script&gt;");
        assertThat(html).contains("href=\"https://example.org/a?b=1&amp;c=2\"");
        // a URL that could leave its attribute is not linked at all
        assertThat(html).contains("<code>https://example.org/q?&quot;onmouseover=&quot;x</code>");
    }

    @Test
    void cspAllowsExactlyTheInlineScript() {
        Matcher m = Pattern.compile("(?s)<script>(.*?)</script>").matcher(html);
        assertThat(m.find()).isTrue();
        assertThat(html).contains("script-src '" + HtmlAssets.sha256(m.group(1)) + "'", "default-src 'none'");
    }

    @Test
    void selfContained() {
        assertThat(count(html, "<html")).isEqualTo(1);
        assertThat(html).doesNotContainPattern("(?i)<[a-z]+[^>]*\\ssrc=").doesNotContainPattern("(?i)<link\\b")
                .doesNotContainPattern("(?i)@import|url\\(");
        assertThat(html).doesNotContainPattern("(?i)\\son[a-z]+=\"");
    }

    @Test
    void fixScriptHasACopyButton() {
        assertThat(html).contains("id=\"fix-script-text\"", "data-copy=\"fix-script-text\"");
        assertThat(new HtmlRenderer().render(Hostile.diagnosis())).doesNotContain("fix-script");
    }

    static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
