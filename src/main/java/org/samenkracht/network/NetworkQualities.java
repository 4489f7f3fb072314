package org.samenkracht.network;

import org.samenkracht.vocabulary.Layer;
import org.samenkracht.network.NetworkMember.SupportKind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the network looks like as a whole (seed R22): its size, how it spreads over the layers and
 * the kinds of support, where the person depends on a single member, the ties the person wants
 * distance from, and what is missing. Harmful ties do not count as support.
 *
 * @param dependsOn       kinds of support that only one member gives, with that member's name
 * @param carriedAlone    informal carers carrying (almost) all informal hours
 * @param missingKinds    kinds of support no one gives
 * @param noNaturalNetwork no family, friends or neighbours who support
 * @param givesBackTo     how many members the person gives something back to (reciprocity)
 */
public record NetworkQualities(int size, Map<Layer, Integer> byLayer, Map<SupportKind, Integer> byKind,
                               Map<SupportKind, String> dependsOn, List<String> carriedAlone,
                               List<String> harmfulTies, List<SupportKind> missingKinds,
                               boolean noNaturalNetwork, int givesBackTo) {

    public static NetworkQualities of(List<MemberProfile> members) {
        Map<Layer, Integer> byLayer = new EnumMap<>(Layer.class);
        Map<SupportKind, Integer> byKind = new EnumMap<>(SupportKind.class);
        Map<SupportKind, String> only = new EnumMap<>(SupportKind.class);
        for (Layer l : Layer.forNetworkMembers()) {
            byLayer.put(l, 0);
        }
        for (SupportKind k : SupportKind.values()) {
            byKind.put(k, 0);
        }
        List<String> harmful = new ArrayList<>();
        List<String> alone = new ArrayList<>();
        int givesBack = 0;
        for (MemberProfile m : members) {
            if (m.harmful()) {
                harmful.add(m.name());
                continue;
            }
            byLayer.merge(m.layer(), 1, Integer::sum);
            for (SupportKind k : m.supportReceived()) {
                if (byKind.merge(k, 1, Integer::sum) == 1) {
                    only.put(k, m.name());
                } else {
                    only.remove(k);
                }
            }
            if (m.givesBack()) {
                givesBack++;
            }
            if (m.warnings().contains(LoadWarning.ALONE)) {
                alone.add(m.name());
            }
        }
        List<SupportKind> missing = byKind.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
        int supporting = members.size() - harmful.size();
        return new NetworkQualities(supporting, byLayer, byKind, only, alone, harmful, missing,
                byLayer.get(Layer.NETWORK) == 0, givesBack);
    }

    public boolean hasConcerns() {
        return !dependsOn.isEmpty() || !carriedAlone.isEmpty() || !missingKinds.isEmpty() || noNaturalNetwork;
    }
}
