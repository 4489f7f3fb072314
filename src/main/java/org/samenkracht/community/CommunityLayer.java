package org.samenkracht.community;

import org.samenkracht.plan.Layer;

/**
 * The one place where this module names the plan's layer of support. Volunteers, groups and
 * neighbourhood activities are general and collective support; when the shared vocabulary of layers
 * lands (a VOLUNTEER layer of its own), only this class changes.
 */
public final class CommunityLayer {

    private CommunityLayer() {
    }

    /** The layer of a buddy, a group or an activity in the person's plan. */
    public static final Layer LAYER = Layer.GENERAL;

    /** Who takes such a step, in the plan's terms. */
    public static final String TAKER = "GENERAL_FACILITY";

    /** Whether a plan step sits at the volunteer layer, so a buddy may be requested from it. */
    public static boolean isVolunteerLayer(Layer layer) {
        return layer == LAYER;
    }
}
