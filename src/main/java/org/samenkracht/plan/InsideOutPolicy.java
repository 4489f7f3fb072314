package org.samenkracht.plan;

import org.samenkracht.vocabulary.Layer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The seeds' rule "van binnen naar buiten": for every goal the layers are considered in order (own
 * strength, network, general facilities, individual professional facilities). A step in a higher
 * layer can only be finalised when each lower layer has a step or a recorded answer, which may be
 * "considered, not possible because…".
 */
public final class InsideOutPolicy {

    private InsideOutPolicy() {
    }

    /** How a layer was considered for a goal. */
    public enum Considered { STEP, ANSWERED, NOT_YET, NOT_NEEDED }

    /** A lower layer without a step or an answer, under a step in a higher layer. */
    public record Gap(int goalNumber, Layer missing, Layer becauseOf) {
    }

    /** The gaps of one goal; empty when the goal was built from the inside out. */
    public static List<Gap> gaps(int goalNumber, Collection<Layer> stepLayers, Map<Layer, String> answers) {
        Layer highest = highest(stepLayers);
        List<Gap> gaps = new ArrayList<>();
        if (highest == null) {
            return gaps;
        }
        for (Layer lower : highest.below()) {
            if (stepLayers.stream().noneMatch(l -> l.circleHead() == lower) && blank(answers.get(lower))) {
                gaps.add(new Gap(goalNumber, lower, highest));
            }
        }
        return gaps;
    }

    /** For showing the check: per layer, in order, whether it has a step, an answer, or still needs one. */
    public static Map<Layer, Considered> considered(Collection<Layer> stepLayers, Map<Layer, String> answers) {
        Layer highest = highest(stepLayers);
        Map<Layer, Considered> result = new EnumMap<>(Layer.class);
        for (Layer layer : Layer.circles()) {
            if (stepLayers.stream().anyMatch(l -> l.circleHead() == layer)) {
                result.put(layer, Considered.STEP);
            } else if (!blank(answers.get(layer))) {
                result.put(layer, Considered.ANSWERED);
            } else if (highest != null && layer.circle() < highest.circle()) {
                result.put(layer, Considered.NOT_YET);
            } else {
                result.put(layer, Considered.NOT_NEEDED);
            }
        }
        return result;
    }

    /**
     * The layer a step sits in, from who takes it and, for a network member, the member's own layer: a
     * neighbour is the network, the community centre in the network is a general facility.
     */
    public static Layer stepLayer(String taker, Layer memberLayer) {
        return switch (taker) {
            case "PERSON" -> Layer.OWN_STRENGTH;
            case "GENERAL_FACILITY" -> Layer.GENERAL_COLLECTIVE;
            case "PROFESSIONAL" -> Layer.INDIVIDUAL_PROFESSIONAL;
            case "NETWORK" -> memberLayer == null ? Layer.NETWORK : memberLayer;
            default -> throw new IllegalArgumentException(taker);
        };
    }

    private static Layer highest(Collection<Layer> stepLayers) {
        return stepLayers.stream().map(Layer::circleHead).max(java.util.Comparator.comparingInt(Layer::circle)).orElse(null);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
