package org.samenkracht.network;

import org.samenkracht.vocabulary.Layer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where everything of the ecogram goes, deterministically, so that it also reads on a 375 px phone:
 * <ul>
 *   <li>each ring's members get a sector of their own (clockwise from the top; with all three rings in
 *   use the natural network's in the middle where that fits, as its name needs the widest free top),
 *   so a line from the person to a member of an outer ring never runs through a member of an inner
 *   ring; within a ring the members are spread evenly, an inner ring getting more angle per member
 *   than an outer one, and each node is made just small enough that no other member's line (with its
 *   parallel strokes) touches it;</li>
 *   <li>the top of every ring stays free for the ring's name, as wide as that name needs;</li>
 *   <li>each member's name is tried at a few places along the line to the member (outside the node
 *   first, then inside, then further away) and shortened where it does not fit, and is put where
 *   it overlaps no other name, no ring name, no node and the person in the centre; where even a short
 *   name has no free place, the initials go inside the member's own node.</li>
 * </ul>
 * Text widths are estimated from the number of characters × the font size × {@value #CHAR_WIDTH}
 * (generous for the sans-serif of the style sheet, which averages about 0.55).
 */
final class EcogramLayout {

    static final double FONT = 18;
    static final double SMALL_FONT = 12;
    static final double CHAR_WIDTH = 0.62;
    static final double CENTRE_R = 38;
    static final double MAX_NODE_R = 20;
    static final double MIN_NODE_R = 5;
    private static final int[] NAME_LENGTHS = {18, 12, 8, 5};

    /** An axis-aligned box: a text's estimated extent, or a node's bounding square. */
    record Box(double x1, double y1, double x2, double y2) {
        boolean overlaps(Box o) {
            return x1 < o.x2 && o.x1 < x2 && y1 < o.y2 && o.y1 < y2;
        }

        boolean overlapsCircle(double cx, double cy, double r) {
            double nx = Math.max(x1, Math.min(cx, x2));
            double ny = Math.max(y1, Math.min(cy, y2));
            return (nx - cx) * (nx - cx) + (ny - cy) * (ny - cy) < r * r;
        }

        boolean inside(double size) {
            return x1 >= 0 && y1 >= 0 && x2 <= size && y2 <= size;
        }
    }

    /** A text as drawn: where its anchor is, how it is anchored, at what size, and the box it fills. */
    record Label(String text, double x, double y, String anchor, double fontSize, boolean inNode, Box box) {
    }

    /** A member's place: its node, how far its line's strokes reach either side, and its name. */
    record Placed(MemberProfile member, double angle, double x, double y, double nodeR, double outerR,
                  double lineExtent, Label label) {
    }

    record Ring(Layer layer, int radius, Label label) {
    }

    record Layout(List<Ring> rings, List<Placed> members) {
    }

    private EcogramLayout() {
    }

    static double width(String text, double fontSize) {
        return text.length() * fontSize * CHAR_WIDTH;
    }

    /** The box of a text whose baseline starts at (x, y) with the anchor given. */
    static Box textBox(String text, double x, double y, String anchor, double fontSize) {
        double w = width(text, fontSize);
        double left = switch (anchor) {
            case "start" -> x;
            case "end" -> x - w;
            default -> x - w / 2;
        };
        return new Box(left - 1, y - fontSize * 0.85, left + w + 1, y + fontSize * 0.25);
    }

    /** How far a member's lines reach either side of the straight line from the centre to the member. */
    static double lineExtent(MemberProfile m) {
        double width = 1.5 + (m.closeness() == null ? 2 : m.closeness()) * 0.7;
        if (m.harmful()) {
            return 7; // the cross in the middle of the dotted line
        }
        int kinds = Math.max(1, m.supportReceived().size());
        return (kinds - 1) / 2.0 * (width + 1.5) + width / 2;
    }

    /**
     * The layout; where the natural network is so crowded that its nodes would get too small to keep
     * clear of each other's lines, its ring is drawn wider (up to {@value #MAX_GROWTH} px, still inside
     * the next ring).
     */
    static Layout layout(List<MemberProfile> members, Map<Layer, String> ringNames) {
        Layout layout = null;
        for (int grow = 0; grow <= MAX_GROWTH; grow += 10) {
            Map<Layer, Integer> radius = new EnumMap<>(Ecogram.RADIUS);
            radius.merge(Layer.NETWORK, grow, Integer::sum);
            layout = layout(members, ringNames, radius, false);
            if (layout.members().stream().allMatch(p -> p.nodeR() > MIN_NODE_R) || grow == MAX_GROWTH) {
                return layout(members, ringNames, radius, true);
            }
        }
        return layout;
    }

    static final int MAX_GROWTH = 50;

    private static Layout layout(List<MemberProfile> members, Map<Layer, String> ringNames, Map<Layer, Integer> radii,
                                 boolean withNames) {
        int size = Ecogram.SIZE;
        double c = Ecogram.CENTRE;
        List<Ring> rings = new ArrayList<>();
        for (Map.Entry<Layer, Integer> e : radii.entrySet()) {
            String name = ringNames.getOrDefault(e.getKey(), "");
            double y = c - e.getValue() + FONT + 2;
            rings.add(new Ring(e.getKey(), e.getValue(), new Label(name, c, y, "middle", FONT, false,
                    textBox(name, c, y, "middle", FONT))));
        }
        Map<Layer, List<MemberProfile>> byRing = new EnumMap<>(Layer.class);
        for (MemberProfile m : members) {
            byRing.computeIfAbsent(m.layer().circleHead(), l -> new ArrayList<>()).add(m);
        }
        // Angles: the free top of the first and the last ring used, then sectors in ring order, an
        // inner ring's member getting more angle (the same distance along its ring) than an outer one's.
        List<Layer> used = new ArrayList<>(byRing.keySet());
        List<Placed> placed = new ArrayList<>();
        if (!used.isEmpty()) {
            List<double[]> spots = new ArrayList<>();
            List<MemberProfile> order = new ArrayList<>();
            // With all three rings in use the natural network's sector goes between the others', away
            // from the top: its name is as wide as its ring and needs the widest free top. Where that
            // brings one of its members under its name after all, the rings go in their own order.
            boolean middle = used.size() == 3 && spread(List.of(Layer.GENERAL_COLLECTIVE, Layer.NETWORK,
                    Layer.INDIVIDUAL_PROFESSIONAL), byRing, radii, rings, spots, order, true);
            if (!middle) {
                spread(used, byRing, radii, rings, spots, order, false);
            }
            // Node sizes: clear of every other member's line and node, the same within a ring.
            Map<Layer, Double> ringNodeR = new EnumMap<>(Layer.class);
            for (int i = 0; i < order.size(); i++) {
                MemberProfile m = order.get(i);
                double extra = m.givesBack() ? 4 : 0;
                double r = MAX_NODE_R;
                for (int j = 0; j < order.size(); j++) {
                    if (i == j) {
                        continue;
                    }
                    double toLine = distanceToSegment(spots.get(i)[1], spots.get(i)[2], c, c, spots.get(j)[1], spots.get(j)[2]);
                    r = Math.min(r, toLine - lineExtent(order.get(j)) - 1.5 - extra);
                    double between = Math.hypot(spots.get(i)[1] - spots.get(j)[1], spots.get(i)[2] - spots.get(j)[2]);
                    r = Math.min(r, between / 2 - 2 - 4);
                }
                ringNodeR.merge(m.layer().circleHead(), r, Math::min);
            }
            for (int i = 0; i < order.size(); i++) {
                MemberProfile m = order.get(i);
                double r = Math.max(MIN_NODE_R, ringNodeR.get(m.layer().circleHead()));
                // (exactly MIN_NODE_R: too small, the caller widens the ring)
                double[] s = spots.get(i);
                placed.add(new Placed(m, s[0], s[1], s[2], r, r + (m.givesBack() ? 4 : 0), lineExtent(m), null));
            }
        }
        if (!withNames) {
            return new Layout(rings, placed);
        }
        // Names: the first free place, longest name first.
        List<Box> taken = new ArrayList<>();
        rings.forEach(r -> taken.add(r.label().box()));
        List<Placed> labelled = new ArrayList<>();
        for (Placed p : placed) {
            labelled.add(new Placed(p.member(), p.angle(), p.x(), p.y(), p.nodeR(), p.outerR(), p.lineExtent(),
                    name(p, placed, taken, size)));
            taken.add(labelled.get(labelled.size() - 1).label().box());
        }
        return new Layout(rings, labelled);
    }

    private static Label name(Placed p, List<Placed> all, List<Box> taken, int size) {
        String full = p.member().name();
        double cos = Math.cos(p.angle());
        double sin = Math.sin(p.angle());
        for (int length : NAME_LENGTHS) {
            String text = shorten(full, length);
            if (length < NAME_LENGTHS[0] && text.equals(shorten(full, NAME_LENGTHS[0]))) {
                continue; // already tried at full length
            }
            // outside the node along the line, inside it, then further out and further in
            for (double d : new double[] {1, -1, 2, -2, 3, -3}) {
                double reach = Math.signum(d) * (p.outerR() + 3 + (Math.abs(d) - 1) * 16);
                double ax = p.x() + cos * reach;
                double ay = p.y() + sin * reach;
                for (Label candidate : candidates(text, ax, ay, cos * Math.signum(d), sin * Math.signum(d))) {
                    if (free(candidate.box(), p, all, taken, size)) {
                        return candidate;
                    }
                }
            }
        }
        String initials = initials(full);
        double font = Math.min(SMALL_FONT, 2 * p.nodeR() * 0.8 / Math.max(1, initials.length() * CHAR_WIDTH));
        double y = p.y() + font * 0.3;
        return new Label(initials, p.x(), y, "middle", font, true, textBox(initials, p.x(), y, "middle", font));
    }

    /** The text at a point beside the node, pointing away from it in direction (dx, dy). */
    private static List<Label> candidates(String text, double x, double y, double dx, double dy) {
        List<Label> out = new ArrayList<>();
        String anchor = Math.abs(dx) < 0.35 ? "middle" : dx > 0 ? "start" : "end";
        // baseline so that the text's box sits beyond the point, not over it
        double baseline = Math.abs(dx) < 0.35 ? (dy > 0 ? y + FONT * 0.85 : y - FONT * 0.25) : y + FONT * 0.3;
        out.add(new Label(text, x, baseline, anchor, FONT, false, textBox(text, x, baseline, anchor, FONT)));
        if (!"middle".equals(anchor)) {
            // a little above or below, for names that nearly fit
            for (double shift : new double[] {FONT * 0.6, -FONT * 0.6}) {
                out.add(new Label(text, x, baseline + shift, anchor, FONT, false, textBox(text, x, baseline + shift, anchor, FONT)));
            }
        }
        return out;
    }

    private static boolean free(Box box, Placed self, List<Placed> all, List<Box> taken, int size) {
        if (!box.inside(size) || box.overlapsCircle(Ecogram.CENTRE, Ecogram.CENTRE, CENTRE_R + 2)) {
            return false;
        }
        for (Placed other : all) {
            if (box.overlapsCircle(other.x(), other.y(), other.outerR() + 1)) {
                return false;
            }
        }
        for (Box t : taken) {
            if (box.overlaps(t)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Spreads the members over the circle in sectors, rings in the order given; when asked to check,
     * false (and nothing kept) where a member would come within the free top of its own ring.
     */
    private static boolean spread(List<Layer> used, Map<Layer, List<MemberProfile>> byRing, Map<Layer, Integer> radii,
                                  List<Ring> rings, List<double[]> spots, List<MemberProfile> order, boolean check) {
        double c = Ecogram.CENTRE;
        spots.clear();
        order.clear();
        double start = -Math.PI / 2 + topGap(used.get(0), rings);
        double end = 3 * Math.PI / 2 - topGap(used.get(used.size() - 1), rings);
        double weights = 0;
        for (Layer l : used) {
            weights += byRing.get(l).size() / (double) radii.get(l);
        }
        double perWeight = (end - start) / weights;
        double angle = start;
        for (Layer l : used) {
            int radius = radii.get(l);
            double slot = perWeight / radius;
            double gap = topGap(l, rings);
            for (MemberProfile m : byRing.get(l)) {
                double a = angle + slot / 2;
                if (check && (a < -Math.PI / 2 + gap || a > 3 * Math.PI / 2 - gap)) {
                    spots.clear();
                    order.clear();
                    return false;
                }
                spots.add(new double[] {a, c + radius * Math.cos(a), c + radius * Math.sin(a)});
                order.add(m);
                angle += slot;
            }
        }
        return true;
    }

    /** How far from the top the members of a ring stay, so the ring's name at the top is free. */
    private static double topGap(Layer layer, List<Ring> rings) {
        Ring ring = rings.stream().filter(r -> r.layer() == layer).findFirst().orElseThrow();
        double half = (ring.label().box().x2() - ring.label().box().x1()) / 2 + MAX_NODE_R + 4 + 2;
        return Math.asin(Math.min(1, half / ring.radius())) + 0.03;
    }

    static double distanceToSegment(double px, double py, double ax, double ay, double bx, double by) {
        double vx = bx - ax;
        double vy = by - ay;
        double len2 = vx * vx + vy * vy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / len2));
        return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static String initials(String name) {
        StringBuilder b = new StringBuilder();
        for (String part : name.strip().split("\\s+")) {
            if (!part.isEmpty() && Character.isLetterOrDigit(part.charAt(0)) && b.length() < 2) {
                b.append(Character.toUpperCase(part.charAt(0)));
            }
        }
        return b.isEmpty() ? name.substring(0, Math.min(1, name.length())) : b.toString();
    }
}
