package org.samenkracht.plan;

import org.samenkracht.network.NetworkMember;

/**
 * The four layers of support, from the inside out (the seeds' "kantelingscirkels"): the person's own
 * strength, the natural network, general and collective facilities (volunteers included), and only
 * then individual professional facilities. The order of the constants is the order of the rule.
 */
public enum Layer {
    OWN_STRENGTH, NETWORK, GENERAL, PROFESSIONAL;

    /** The layer a step sits in, from who takes it (and, for a network member, their own layer). */
    public static Layer of(String taker, NetworkMember.Layer memberLayer) {
        return switch (taker) {
            case "PERSON" -> OWN_STRENGTH;
            case "GENERAL_FACILITY" -> GENERAL;
            case "PROFESSIONAL" -> PROFESSIONAL;
            case "NETWORK" -> memberLayer == null ? NETWORK : switch (memberLayer) {
                case NATURAL -> NETWORK;
                case COMMUNITY -> GENERAL;
                case PROFESSIONAL -> PROFESSIONAL;
            };
            default -> throw new IllegalArgumentException(taker);
        };
    }

    /** The layers that must be considered before this one. */
    public java.util.List<Layer> below() {
        return java.util.Arrays.stream(values()).filter(l -> l.ordinal() < ordinal()).toList();
    }
}
