/**
 * Ethical deliberation, coaching and intervision (issue 21): a dilemma worked through step by step
 * (the gps of seed 003, the ten-step dilemma method, or a Socratic conversation without a decision),
 * tied to the person's plan and the concern route; sessions with timeboxed rounds, pseudonymous cases,
 * lessons kept and each participant's moral burden over time.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Deliberation",
        allowedDependencies = {"common", "identity", "privacy", "person", "network", "plan"})
package org.samenkracht.deliberation;
