package org.samenkracht.deliberation;

/** How a dilemma is worked through; the facilitator chooses. */
public enum Method {
    /** The ethical gps of seed 003: clarify, breadth, height, depth, decision. */
    GPS,
    /** The ten-step dilemma method: confidentiality agreed at the start, the session evaluated at the end. */
    DILEMMA_METHOD,
    /** A Socratic conversation: understanding, thinking along ("yes, and"), no decision. */
    SOCRATIC
}
