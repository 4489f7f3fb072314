package org.samenkracht.network;

import org.samenkracht.vocabulary.Layer;
import org.samenkracht.network.NetworkMember.SupportKind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Draws the network as an ecogram (server-side SVG): the person in the centre, members around it
 * in rings by layer (natural network, community and general facilities, professional help), a line
 * for every kind of support they give (colour and dash pattern by kind, so it also reads in black
 * and white; width by closeness), a double ring where the person gives something back, a red
 * crossed line for ties the person wants distance from, and a warning triangle where the load is
 * too heavy. It scales to the screen (viewBox) and prints. Clicking a member opens the
 * side panel (htmx); the text version carries the same links for keyboard and script-free use.
 */
public final class Ecogram {

    static final int SIZE = 640;
    static final int CENTRE = SIZE / 2;
    /** One ring per circle: volunteers share the ring of general and collective facilities ({@link Layer#circleHead()}). */
    static final Map<Layer, Integer> RADIUS = new EnumMap<>(Map.of(Layer.NETWORK, 120, Layer.GENERAL_COLLECTIVE, 205, Layer.INDIVIDUAL_PROFESSIONAL, 285));
    static final Map<SupportKind, String> COLOUR = new EnumMap<>(Map.of(SupportKind.PRACTICAL, "#1f6f8b",
            SupportKind.COMPANY, "#2e7d32", SupportKind.ADVICE, "#6a4c93", SupportKind.EMOTIONAL, "#b5481c"));
    static final Map<SupportKind, String> DASH = new EnumMap<>(Map.of(SupportKind.PRACTICAL, "none",
            SupportKind.COMPANY, "8 4", SupportKind.ADVICE, "2 4", SupportKind.EMOTIONAL, "12 4 3 4"));

    private Ecogram() {
    }

    /**
     * @param personName    shown in the centre
     * @param members       the members to draw
     * @param text          message key → text in the user's language
     * @param selectLink    the link for selecting a member (the member id is appended), or null for no links
     * @param panelTarget   the htmx target of the selection, or null
     */
    public static String render(String personName, List<MemberProfile> members, Function<String, String> text,
                                String selectLink, String panelTarget) {
        StringBuilder svg = new StringBuilder(4096 + members.size() * 900);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ecogram\" viewBox=\"0 0 ").append(SIZE).append(' ').append(SIZE)
                .append("\" role=\"group\" aria-labelledby=\"ecogram-title\" aria-describedby=\"ecogram-text-head\">");
        svg.append("<title id=\"ecogram-title\">").append(esc(text.apply("network.ecogram.title"))).append("</title>");
        Map<Layer, String> ringNames = new EnumMap<>(Layer.class);
        for (Layer layer : RADIUS.keySet()) {
            ringNames.put(layer, text.apply("network.ecogram.ring." + layer.name()));
        }
        EcogramLayout.Layout layout = EcogramLayout.layout(members, ringNames);
        for (EcogramLayout.Ring ring : layout.rings()) {
            svg.append("<circle class=\"ring ring-").append(ring.layer().name().toLowerCase(Locale.ROOT)).append("\" cx=\"").append(CENTRE)
                    .append("\" cy=\"").append(CENTRE).append("\" r=\"").append(ring.radius()).append("\"/>");
            svg.append("<text class=\"ring-label\" x=\"").append(fmt(ring.label().x())).append("\" y=\"").append(fmt(ring.label().y()))
                    .append("\" text-anchor=\"middle\">").append(esc(ring.label().text())).append("</text>");
        }
        StringBuilder lines = new StringBuilder();
        StringBuilder nodes = new StringBuilder();
        for (EcogramLayout.Placed p : layout.members()) {
            line(lines, p.member(), p.x(), p.y(), p.angle());
            node(nodes, p, text, selectLink, panelTarget);
        }
        svg.append("<g class=\"lines\">").append(lines).append("</g>");
        svg.append("<g class=\"person\"><circle class=\"centre\" cx=\"").append(CENTRE).append("\" cy=\"").append(CENTRE)
                .append("\" r=\"38\"/><text x=\"").append(CENTRE).append("\" y=\"").append(CENTRE + 5)
                .append("\" text-anchor=\"middle\" class=\"centre-label\">").append(esc(shorten(personName, 14))).append("</text></g>");
        svg.append("<g class=\"members\">").append(nodes).append("</g></svg>");
        return svg.toString();
    }

    private static void line(StringBuilder out, MemberProfile m, double x, double y, double angle) {
        double width = 1.5 + (m.closeness() == null ? 2 : m.closeness()) * 0.7;
        double nx = -Math.sin(angle);
        double ny = Math.cos(angle);
        if (m.harmful()) {
            out.append("<line class=\"tie harmful\" x1=\"").append(CENTRE).append("\" y1=\"").append(CENTRE)
                    .append("\" x2=\"").append(fmt(x)).append("\" y2=\"").append(fmt(y))
                    .append("\" stroke=\"#c62828\" stroke-width=\"2\" stroke-dasharray=\"3 6\"/>");
            double mx = (CENTRE + x) / 2;
            double my = (CENTRE + y) / 2;
            out.append("<path class=\"cross\" d=\"M").append(fmt(mx - 6)).append(' ').append(fmt(my - 6)).append("l12 12m0 -12l-12 12\" stroke=\"#c62828\" stroke-width=\"3\"/>");
            return;
        }
        List<SupportKind> kinds = new ArrayList<>(m.supportReceived());
        for (int k = 0; k < kinds.size(); k++) {
            SupportKind kind = kinds.get(k);
            double shift = (k - (kinds.size() - 1) / 2.0) * (width + 1.5);
            out.append("<line class=\"tie kind-").append(kind.name().toLowerCase(Locale.ROOT)).append("\" data-kind=\"").append(kind.name())
                    .append("\" x1=\"").append(fmt(CENTRE + nx * shift)).append("\" y1=\"").append(fmt(CENTRE + ny * shift))
                    .append("\" x2=\"").append(fmt(x + nx * shift)).append("\" y2=\"").append(fmt(y + ny * shift))
                    .append("\" stroke=\"").append(COLOUR.get(kind)).append("\" stroke-width=\"").append(fmt(width)).append('"');
            if (!"none".equals(DASH.get(kind))) {
                out.append(" stroke-dasharray=\"").append(DASH.get(kind)).append('"');
            }
            out.append("/>");
        }
    }

    private static void node(StringBuilder out, EcogramLayout.Placed p, Function<String, String> text, String selectLink,
                             String panelTarget) {
        MemberProfile m = p.member();
        double x = p.x();
        double y = p.y();
        double r = p.nodeR();
        String label = m.name() + " — " + text.apply("relation." + m.relation().name());
        out.append("<g class=\"member").append(m.warnings().isEmpty() ? "" : " has-warning").append(m.harmful() ? " is-harmful" : "")
                .append("\" data-member-id=\"").append(m.id()).append("\" data-name=\"").append(esc(m.name()))
                .append("\" data-warnings=\"").append(m.warnings().size()).append("\">");
        if (selectLink != null) {
            // Clicking a member opens it in the side panel (htmx); keyboard and script-free use go
            // through the links of the text version, which lead to the same panel.
            String href = esc(selectLink + m.id());
            out.append("<g class=\"select\" data-href=\"").append(href).append('"');
            if (panelTarget != null) {
                out.append(" hx-get=\"").append(href).append("\" hx-target=\"").append(panelTarget)
                        .append("\" hx-select=\"").append(panelTarget).append("\" hx-swap=\"outerHTML\"");
            }
            out.append('>');
        }
        out.append("<title>").append(esc(label)).append("</title>");
        if (m.givesBack()) {
            out.append("<circle class=\"gives-back\" cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y)).append("\" r=\"")
                    .append(fmt(r + 4)).append("\"/>");
        }
        out.append("<circle class=\"node layer-").append(m.layer().name().toLowerCase(Locale.ROOT)).append("\" cx=\"").append(fmt(x))
                .append("\" cy=\"").append(fmt(y)).append("\" r=\"").append(fmt(r)).append("\"/>");
        EcogramLayout.Label name = p.label();
        out.append("<text class=\"name").append(name.inNode() ? " initials" : "").append("\" x=\"").append(fmt(name.x()))
                .append("\" y=\"").append(fmt(name.y())).append("\" text-anchor=\"").append(name.anchor()).append('"');
        if (name.inNode()) {
            out.append(" style=\"font-size:").append(fmt(name.fontSize())).append("px\"");
        }
        out.append('>').append(esc(name.text())).append("</text>");
        if (!m.warnings().isEmpty()) {
            double wx = x + r * 0.7;
            double wy = y - r * 0.7;
            out.append("<g class=\"warning\"><title>");
            for (int i = 0; i < m.warnings().size(); i++) {
                out.append(i == 0 ? "" : " · ").append(esc(text.apply(m.warnings().get(i).messageKey())));
            }
            out.append("</title><path d=\"M").append(fmt(wx)).append(' ').append(fmt(wy - 11)).append("l10 18h-20z\" fill=\"#f9a825\" stroke=\"#3e2723\" stroke-width=\"1.5\"/>")
                    .append("<text x=\"").append(fmt(wx)).append("\" y=\"").append(fmt(wy + 5)).append("\" text-anchor=\"middle\" class=\"warning-mark\">!</text></g>");
        }
        if (selectLink != null) {
            out.append("</g>");
        }
        out.append("</g>");
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String fmt(double d) {
        if (d < 0) {
            return "-" + fmt(-d);
        }
        long tenths = Math.round(d * 10);
        return (tenths % 10 == 0) ? Long.toString(tenths / 10) : (tenths / 10) + "." + Math.abs(tenths % 10);
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
