package io.mailflowkb.cli.exports;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Test inputs in the three forms an admin produces from the same objects, written as Windows PowerShell 5.1
 * writes them (docs/healthchecker.md): {@code Format-List} text (labels padded to the longest,
 * {@code {a, b}} collections, culture-formatted dates, UTF-16LE with BOM from {@code >}), {@code Export-Clixml}
 * (type names, enums as {@code <ToString>} plus {@code <I32>}, Exchange values as objects with a display string;
 * UTF-16LE with BOM, its default) and {@code ConvertTo-Json} (enums as numbers, {@code \/Date(ms)\/} dates,
 * {@code SmtpX509Identifier} as its properties, {@code ":  "} spacing).
 */
final class PsObjects {

    /** An enum value: its name and the number ConvertTo-Json writes. */
    record En(String type, String name, long number) {
    }

    /** A TlsCertificateName ({@code SmtpX509Identifier}). */
    record CertName(String issuer, String subject) {
        String display() {
            return "<I>" + issuer + "<S>" + subject;
        }
    }

    /** A multi-valued property of Exchange values (smart hosts, bindings): each item an object with a display string. */
    record Values(String itemType, List<String> items) {
    }

    record Prop(String name, Object value) {
    }

    record Obj(String type, String display, List<Prop> props) {
    }

    static Prop p(String name, Object value) {
        return new Prop(name, value);
    }

    static Obj obj(String type, String display, Prop... props) {
        return new Obj(type, display, List.of(props));
    }

    private PsObjects() {
    }

    // ---- Format-List ----

    static String formatList(List<Obj> objects) {
        StringBuilder b = new StringBuilder("\r\n");
        for (Obj o : objects) {
            int pad = o.props().stream().mapToInt(p -> p.name().length()).max().orElse(0);
            b.append("\r\n");
            for (Prop p : o.props()) {
                b.append(String.format("%-" + pad + "s : %s", p.name(), flValue(p.value())).stripTrailing()).append("\r\n");
            }
        }
        return b.append("\r\n\r\n").toString();
    }

    private static String flValue(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof En e) {
            return e.name();
        }
        if (v instanceof CertName c) {
            return c.display();
        }
        if (v instanceof Values vs) {
            return "{" + String.join(", ", vs.items()) + "}";
        }
        if (v instanceof List<?> l) {
            return "{" + String.join(", ", l.stream().map(String::valueOf).toList()) + "}";
        }
        if (v instanceof Boolean bool) {
            return bool ? "True" : "False";
        }
        if (v instanceof Instant t) {
            return DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US).format(t.atOffset(ZoneOffset.UTC));
        }
        return String.valueOf(v);
    }

    // ---- Export-Clixml ----

    static String clixml(List<Obj> objects) {
        Clixml x = new Clixml();
        StringBuilder b = new StringBuilder("<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">\r\n");
        for (Obj o : objects) {
            b.append("  <Obj RefId=\"").append(x.ref++).append("\">\r\n");
            x.types(b, "    ", o.type(), "System.Object");
            if (o.display() != null) {
                b.append("    <ToString>").append(esc(o.display())).append("</ToString>\r\n");
            }
            b.append("    <Props>\r\n");
            for (Prop p : o.props()) {
                x.value(b, "      ", p.name(), p.value());
            }
            b.append("    </Props>\r\n  </Obj>\r\n");
        }
        return b.append("</Objs>").toString();
    }

    private static final class Clixml {
        int ref;
        int tn;

        void types(StringBuilder b, String in, String... names) {
            b.append(in).append("<TN RefId=\"").append(tn++).append("\">\r\n");
            for (String n : names) {
                b.append(in).append("  <T>").append(esc(n)).append("</T>\r\n");
            }
            b.append(in).append("</TN>\r\n");
        }

        void value(StringBuilder b, String in, String name, Object v) {
            String n = " N=\"" + esc(name) + "\"";
            if (v == null) {
                b.append(in).append("<Nil").append(n).append(" />\r\n");
            } else if (v instanceof Boolean bool) {
                b.append(in).append("<B").append(n).append(">").append(bool).append("</B>\r\n");
            } else if (v instanceof Integer i) {
                b.append(in).append("<I32").append(n).append(">").append(i).append("</I32>\r\n");
            } else if (v instanceof Instant t) {
                b.append(in).append("<DT").append(n).append(">").append(t).append("</DT>\r\n");
            } else if (v instanceof En e) {
                b.append(in).append("<Obj").append(n).append(" RefId=\"").append(ref++).append("\">\r\n");
                types(b, in + "  ", e.type(), "System.Enum", "System.ValueType", "System.Object");
                b.append(in).append("  <ToString>").append(esc(e.name())).append("</ToString>\r\n");
                b.append(in).append("  <I32>").append(e.number()).append("</I32>\r\n").append(in).append("</Obj>\r\n");
            } else if (v instanceof CertName c) {
                b.append(in).append("<Obj").append(n).append(" RefId=\"").append(ref++).append("\">\r\n");
                types(b, in + "  ", "Microsoft.Exchange.Data.SmtpX509Identifier", "System.Object");
                b.append(in).append("  <ToString>").append(esc(c.display())).append("</ToString>\r\n");
                b.append(in).append("  <Props>\r\n").append(in).append("    <S N=\"CertificateSubject\">")
                        .append(esc(c.subject())).append("</S>\r\n").append(in).append("    <S N=\"CertificateIssuer\">")
                        .append(esc(c.issuer())).append("</S>\r\n").append(in).append("  </Props>\r\n")
                        .append(in).append("</Obj>\r\n");
            } else if (v instanceof Values vs) {
                b.append(in).append("<Obj").append(n).append(" RefId=\"").append(ref++).append("\">\r\n");
                types(b, in + "  ", "Microsoft.Exchange.Data.MultiValuedProperty`1[[" + vs.itemType() + "]]",
                        "Microsoft.Exchange.Data.MultiValuedPropertyBase", "System.Object");
                b.append(in).append("  <LST>\r\n");
                for (String item : vs.items()) {
                    b.append(in).append("    <Obj RefId=\"").append(ref++).append("\">\r\n");
                    types(b, in + "      ", vs.itemType(), "System.Object");
                    b.append(in).append("      <ToString>").append(esc(item)).append("</ToString>\r\n")
                            .append(in).append("    </Obj>\r\n");
                }
                b.append(in).append("  </LST>\r\n").append(in).append("</Obj>\r\n");
            } else if (v instanceof List<?> l) {
                b.append(in).append("<Obj").append(n).append(" RefId=\"").append(ref++).append("\">\r\n");
                types(b, in + "  ", "System.Object[]", "System.Array", "System.Object");
                b.append(in).append("  <LST>\r\n");
                for (Object item : l) {
                    b.append(in).append("    <S>").append(esc(String.valueOf(item))).append("</S>\r\n");
                }
                b.append(in).append("  </LST>\r\n").append(in).append("</Obj>\r\n");
            } else {
                b.append(in).append("<S").append(n).append(">").append(esc(String.valueOf(v))).append("</S>\r\n");
            }
        }
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\r' -> b.append("_x000D_");
                case '\n' -> b.append("_x000A_");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    // ---- ConvertTo-Json ----

    static String json(List<Obj> objects) {
        List<String> parts = new ArrayList<>();
        for (Obj o : objects) {
            List<String> fields = new ArrayList<>();
            for (Prop p : o.props()) {
                fields.add("        " + str(p.name()) + ":  " + jsonValue(p.value(), "        "));
            }
            parts.add("    {\r\n" + String.join(",\r\n", fields) + "\r\n    }");
        }
        return "[\r\n" + String.join(",\r\n", parts) + "\r\n]";
    }

    private static String jsonValue(Object v, String in) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Boolean || v instanceof Integer) {
            return String.valueOf(v);
        }
        if (v instanceof En e) {
            return Long.toString(e.number());
        }
        if (v instanceof Instant t) {
            return "\"\\/Date(" + t.toEpochMilli() + ")\\/\"";
        }
        if (v instanceof CertName c) {
            String cn = c.subject().replaceFirst("^CN=([^,]*).*$", "$1");
            return "{\r\n" + in + "    \"CertificateSubject\":  " + str(c.subject()) + ",\r\n" + in
                    + "    \"CertificateIssuer\":  " + str(c.issuer()) + ",\r\n" + in + "    \"SubjectCommonName\":  "
                    + str(cn) + "\r\n" + in + "}";
        }
        if (v instanceof Values vs) {
            // ConvertTo-Json's default depth: each item an object whose own values are already display strings
            List<String> items = new ArrayList<>();
            for (String item : vs.items()) {
                items.add(in + "    {\r\n" + String.join(",\r\n", itemFields(vs.itemType(), item).stream()
                        .map(f -> in + "        " + f).toList()) + "\r\n" + in + "    }");
            }
            return "[\r\n" + String.join(",\r\n", items) + "\r\n" + in + "]";
        }
        if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                return "[\r\n\r\n" + in + "]";
            }
            return "[\r\n" + String.join(",\r\n", l.stream().map(i -> in + "    " + str(String.valueOf(i))).toList())
                    + "\r\n" + in + "]";
        }
        return str(String.valueOf(v));
    }

    private static List<String> itemFields(String type, String item) {
        if (type.endsWith("SmartHost")) {
            return List.of("\"Address\":  \"0.0.0.0\"", "\"IsIPAddress\":  false", "\"Domain\":  " + str(item));
        }
        if (type.endsWith("IPBinding")) {
            int colon = item.lastIndexOf(':');
            String address = item.substring(0, colon).replace("[", "").replace("]", "");
            return List.of("\"Address\":  " + str(address), "\"Port\":  " + item.substring(colon + 1),
                    "\"AddressFamily\":  " + (address.contains(":") ? 23 : 2));
        }
        if (type.endsWith("AddressSpace")) {
            String[] parts = item.split("[:;]");
            return List.of("\"Type\":  " + str(parts[0]), "\"Address\":  " + str(parts[1]), "\"Cost\":  " + parts[2],
                    "\"IsLocal\":  false");
        }
        return List.of("\"Value\":  " + str(item));
    }

    private static String str(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("<", "\\u003c").replace(">", "\\u003e")
                + "\"";
    }
}
