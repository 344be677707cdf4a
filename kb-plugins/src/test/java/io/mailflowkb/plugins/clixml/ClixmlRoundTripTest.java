package io.mailflowkb.plugins.clixml;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflowkb.plugins.psobject.PsText;
import io.mailflowkb.plugins.psobject.PsValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property: any string members, nested objects, lists and dictionaries written the way PowerShell's serializer
 * writes them (control characters and a literal {@code _x} as {@code _xHHHH_}, XML special characters as entities,
 * type names shared through {@code TNRef}) read back to the same values and paths. Seeded generators; the seed is in
 * the case name.
 */
class ClixmlRoundTripTest {

    static Stream<Long> seeds() {
        return IntStream.range(0, 300).mapToObj(i -> 0x5eedL * 31 + i);
    }

    /** PowerShell's escaping: XmlConvert-style {@code _xHHHH_} for what XML 1.0 cannot hold, and for {@code _x}. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '_' && i + 1 < s.length() && s.charAt(i + 1) == 'x') {
                b.append(String.format("_x%04X_", (int) c));
            } else if (c == '<') {
                b.append("&lt;");
            } else if (c == '>') {
                b.append("&gt;");
            } else if (c == '&') {
                b.append("&amp;");
            } else if (c == '"') {
                b.append("&quot;");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    static String randomText(Random r) {
        String alphabet = "abcXYZ019 _x<>&\"'\r\n\t;:,{}[]éß中";
        int n = r.nextInt(30);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(r.nextInt(12) == 0 ? (char) (1 + r.nextInt(31)) : alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void writtenValuesReadBack(long seed) {
        Random r = new Random(seed);
        Map<String, String> strings = new LinkedHashMap<>();
        List<String> list = new ArrayList<>();
        Map<String, String> dict = new LinkedHashMap<>();
        int members = 1 + r.nextInt(6);
        for (int i = 0; i < members; i++) {
            strings.put("P" + i + (r.nextBoolean() ? "_x" : ""), randomText(r));
        }
        for (int i = r.nextInt(4); i > 0; i--) {
            list.add(randomText(r));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            dict.put("k" + i + randomText(r).replace('\r', ' ').replace('\n', ' ').strip(), randomText(r));
        }
        StringBuilder x = new StringBuilder("<Objs Version=\"1.1.0.1\" xmlns=\"" + ClixmlReader.NAMESPACE + "\">\n");
        x.append("<Obj RefId=\"0\"><TN RefId=\"0\"><T>System.Management.Automation.PSCustomObject</T><T>System.Object</T></TN><MS>\n");
        strings.forEach((k, v) -> x.append("<S N=\"").append(escape(k)).append("\">").append(escape(v)).append("</S>\n"));
        x.append("<Obj N=\"List\" RefId=\"1\"><TN RefId=\"1\"><T>System.Object[]</T></TN><LST>");
        list.forEach(v -> x.append("<S>").append(escape(v)).append("</S>"));
        x.append("</LST></Obj>\n<Obj N=\"Dict\" RefId=\"2\"><TN RefId=\"2\"><T>System.Collections.Hashtable</T></TN><DCT>");
        dict.forEach((k, v) -> x.append("<En><S N=\"Key\">").append(escape(k)).append("</S><S N=\"Value\">")
                .append(escape(v)).append("</S></En>"));
        x.append("</DCT></Obj>\n<Obj N=\"Child\" RefId=\"3\"><TNRef RefId=\"0\" /><MS><S N=\"Inner\">")
                .append(escape(strings.values().iterator().next())).append("</S></MS></Obj>\n")
                .append("<Ref N=\"Again\" RefId=\"3\" />\n</MS></Obj></Objs>");

        List<PsValue> read = new ArrayList<>();
        new ClixmlReader("t.xml").read(new StringReader(x.toString()), read::add);
        assertThat(read).hasSize(1);
        PsValue.Obj o = (PsValue.Obj) read.get(0);
        strings.forEach((k, v) -> {
            PsValue.Scalar s = (PsValue.Scalar) o.members().get(k);
            assertThat(s).as("member " + k).isNotNull();
            assertThat(s.text()).isEqualTo(v);
            assertThat(s.path()).isEqualTo("Obj[0].MS." + k);
        });
        PsValue.Obj l = (PsValue.Obj) o.member("List");
        assertThat(l.items()).extracting(v -> ((PsValue.Scalar) v).text()).containsExactlyElementsOf(list);
        PsValue.Obj d = (PsValue.Obj) o.member("Dict");
        assertThat(d.entries().keySet()).containsExactlyElementsOf(dict.keySet().stream()
                .map(k -> PsText.text(new PsValue.Scalar("S", k, "", 1))).toList());
        PsValue.Obj child = (PsValue.Obj) o.member("Child");
        assertThat(child.typeNames()).containsExactly("System.Management.Automation.PSCustomObject", "System.Object");
        assertThat(o.member("Again")).isSameAs(child);
    }
}
