package org.samenkracht.common.disclosure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The areas of an organisation's figures, after the CBS codes: municipalities (GM…) with their districts (WK…)
 * and neighbourhoods (BU…). Figures are kept per neighbourhood (the leaves) and summed up the tree.
 */
public final class AreaTree {

    public record Area(String code, String name, Level level, String parent) {
    }

    private final Map<String, Area> areas = new LinkedHashMap<>();
    private final Map<String, List<String>> children = new LinkedHashMap<>();

    public AreaTree(List<Area> all) {
        for (Area a : all) {
            if (areas.put(a.code(), a) != null) {
                throw new IllegalArgumentException("area twice: " + a.code());
            }
        }
        for (Area a : all) {
            if (a.parent() != null) {
                if (!areas.containsKey(a.parent())) {
                    throw new IllegalArgumentException("unknown parent " + a.parent() + " of " + a.code());
                }
                children.computeIfAbsent(a.parent(), k -> new ArrayList<>()).add(a.code());
            }
        }
    }

    public Area area(String code) {
        return areas.get(code);
    }

    public boolean contains(String code) {
        return areas.containsKey(code);
    }

    public List<Area> all() {
        return List.copyOf(areas.values());
    }

    public List<Area> at(Level level) {
        return areas.values().stream().filter(a -> a.level() == level).toList();
    }

    public List<String> children(String code) {
        return children.getOrDefault(code, Collections.emptyList());
    }

    /** The neighbourhoods under an area (itself, for a neighbourhood). */
    public List<String> leavesUnder(String code) {
        List<String> out = new ArrayList<>();
        if (children(code).isEmpty()) {
            out.add(code);
        }
        for (String child : children(code)) {
            out.addAll(leavesUnder(child));
        }
        return out;
    }

    /** The areas without a parent (the municipalities). */
    public List<String> roots() {
        return areas.values().stream().filter(a -> a.parent() == null).map(Area::code).toList();
    }

    /** Children before parents: from the neighbourhoods up. */
    List<String> bottomUp() {
        List<String> order = new ArrayList<>();
        for (Level l : new Level[]{Level.NEIGHBOURHOOD, Level.DISTRICT, Level.MUNICIPALITY}) {
            at(l).forEach(a -> order.add(a.code()));
        }
        return order;
    }
}
