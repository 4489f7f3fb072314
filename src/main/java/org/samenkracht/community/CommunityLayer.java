package org.samenkracht.community;

import org.samenkracht.vocabulary.Layer;

/**
 * The one place where this module names the layer of support (the shared vocabulary). A buddy, a
 * group or a neighbourhood activity is taken up in the plan as general and collective support; a
 * buddy may be requested from a step in that circle (general and collective, or volunteer).
 */
public final class CommunityLayer {

    private CommunityLayer() {
    }

    /** The layer of a buddy, a group or an activity in the person's plan. */
    public static final Layer LAYER = Layer.GENERAL_COLLECTIVE;

    /** Who takes such a step, in the plan's terms. */
    public static final String TAKER = "GENERAL_FACILITY";

    /** Whether a plan step sits at the volunteer layer, so a buddy may be requested from it. */
    public static boolean isVolunteerLayer(Layer layer) {
        return layer == Layer.GENERAL_COLLECTIVE || layer == Layer.VOLUNTEER;
    }
}
