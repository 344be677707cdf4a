package io.mailflowkb.cli.render;

import static io.mailflowkb.cli.render.HtmlText.escape;

import io.mailflowkb.model.finding.Direction;
import io.mailflowkb.model.finding.FlowLink;
import java.util.List;
import java.util.Map;

/**
 * The HTML report's picture of the mail flow: this server on the left, Exchange Online on the right with one arrow
 * each way, and each probed peer below with an arrow to it; each arrow says works, fails or unknown and names the
 * finding that explains a failure. Inline SVG drawn from {@link FlowLink}s (the engine decided every state), with
 * state shown by line style and words as well as colour so it reads in black-and-white print. A list under it
 * says the same in text and links to the findings. Nothing is loaded; ids carry the report's prefix.
 */
final class FlowPicture {

    private static final int W = 760;
    private static final int BOX_W = 210;
    private static final int BOX_H = 56;
    private static final int ROW = 84;
    private static final Map<FlowLink.State, String> COLOUR = Map.of(FlowLink.State.WORKS, "#1e7d32",
            FlowLink.State.FAILS, "#b3261e", FlowLink.State.UNKNOWN, "#5f6368");
    private static final Map<FlowLink.State, String> DASH = Map.of(FlowLink.State.WORKS, "",
            FlowLink.State.FAILS, " stroke-dasharray=\"10 5\"", FlowLink.State.UNKNOWN, " stroke-dasharray=\"2 5\"");

    private FlowPicture() {
    }

    /** @param anchors finding id to the element id of its section, for the links in the list */
    static void render(StringBuilder b, List<FlowLink> flows, String server, String prefix, Map<String, String> anchors) {
        if (flows.isEmpty()) {
            return;
        }
        List<FlowLink> peers = flows.stream().filter(f -> !FlowLink.EXCHANGE_ONLINE.equals(f.peer())).toList();
        int height = peers.isEmpty() ? 20 + BOX_H + 24 : 20 + ROW + 30 + peers.size() * ROW;
        b.append("<section class=\"flow\" id=\"").append(prefix).append("flow\">\n<h2>Mail flow</h2>\n")
                .append("<svg class=\"flow\" role=\"img\" aria-labelledby=\"").append(prefix).append("flow-title\" ")
                .append("viewBox=\"0 0 ").append(W).append(' ').append(height).append("\" width=\"100%\" ")
                .append("xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"").append(prefix).append("flow-title\">")
                .append("Mail flow between ").append(escape(server)).append(" and its peers</title>\n<defs>");
        for (FlowLink.State s : FlowLink.State.values()) {
            b.append("<marker id=\"").append(prefix).append("arrow-").append(s.id()).append("\" viewBox=\"0 0 10 10\" ")
                    .append("refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto\">")
                    .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"").append(COLOUR.get(s)).append("\"/></marker>");
        }
        b.append("</defs>\n");
        int serverY = 20;
        box(b, 10, serverY, "This server", server, "#0b5cad");
        box(b, W - BOX_W - 10, serverY, "Exchange Online", "Microsoft 365", "#0b5cad");
        for (FlowLink f : flows) {
            if (!FlowLink.EXCHANGE_ONLINE.equals(f.peer())) {
                continue;
            }
            boolean out = f.direction() == Direction.OUTBOUND;
            int y = serverY + (out ? 18 : BOX_H - 12);
            int x1 = out ? 10 + BOX_W : W - BOX_W - 10;
            int x2 = out ? W - BOX_W - 10 : 10 + BOX_W;
            arrow(b, x1, y, x2, y, f, prefix, (out ? "sends: " : "receives: "), y + (out ? -8 : 22));
        }
        int row = 0;
        for (FlowLink f : peers) {
            int y = serverY + ROW + 30 + row * ROW;
            box(b, W - BOX_W - 10, y, "Probed peer", f.peer(), "#5f6368");
            arrow(b, 10 + BOX_W / 2, serverY + BOX_H, W - BOX_W - 10, y + BOX_H / 2, f, prefix, "sends: ",
                    y + BOX_H / 2 - 10);
            row++;
        }
        b.append("</svg>\n<ul class=\"flow-list\">\n");
        for (FlowLink f : flows) {
            String arrow = f.direction() == Direction.INBOUND ? escape(f.peer()) + " → this server"
                    : "this server → " + escape(f.peer());
            b.append("<li><span class=\"state ").append(f.state().id()).append("\">").append(f.state().id())
                    .append("</span> ").append(arrow).append(": ").append(escape(f.basis()));
            if (!f.explainedBy().isEmpty()) {
                b.append(". Explained by ");
                for (int i = 0; i < f.explainedBy().size(); i++) {
                    String id = f.explainedBy().get(i);
                    b.append(i == 0 ? "" : ", ");
                    String anchor = anchors.get(id);
                    b.append(anchor == null ? "<code>" + escape(id) + "</code>"
                            : "<a href=\"#" + anchor + "\"><code>" + escape(id) + "</code></a>");
                }
            }
            b.append("</li>\n");
        }
        b.append("</ul>\n</section>\n");
    }

    private static void box(StringBuilder b, int x, int y, String role, String name, String colour) {
        b.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(BOX_W)
                .append("\" height=\"").append(BOX_H).append("\" rx=\"8\" fill=\"#ffffff\" stroke=\"").append(colour)
                .append("\" stroke-width=\"2\"/>\n<text x=\"").append(x + BOX_W / 2).append("\" y=\"").append(y + 22)
                .append("\" text-anchor=\"middle\" font-size=\"13\" fill=\"#5f6368\">").append(escape(role))
                .append("</text>\n<text x=\"").append(x + BOX_W / 2).append("\" y=\"").append(y + 42)
                .append("\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"600\" fill=\"#1d1d1f\">")
                .append(escape(shorten(name))).append("</text>\n");
    }

    private static void arrow(StringBuilder b, int x1, int y1, int x2, int y2, FlowLink f, String prefix, String verb,
                              int labelY) {
        String c = COLOUR.get(f.state());
        b.append("<line x1=\"").append(x1).append("\" y1=\"").append(y1).append("\" x2=\"").append(x2).append("\" y2=\"")
                .append(y2).append("\" stroke=\"").append(c).append("\" stroke-width=\"3\"").append(DASH.get(f.state()))
                .append(" marker-end=\"url(#").append(prefix).append("arrow-").append(f.state().id()).append(")\"/>\n");
        String label = verb + f.state().id() + (f.explainedBy().isEmpty() ? "" : " (" + f.explainedBy().get(0) + ")");
        b.append("<text x=\"").append(W / 2).append("\" y=\"").append(labelY).append("\" text-anchor=\"middle\" ")
                .append("font-size=\"13\" font-weight=\"600\" fill=\"").append(c).append("\">").append(escape(label))
                .append("</text>\n");
    }

    /** Long host names would overflow their box; the list under the picture has them whole. */
    private static String shorten(String name) {
        return name.length() <= 26 ? name : name.substring(0, 25) + "…";
    }
}
