/**
 * The signalling network (issue 19): signals passed on by partners kept as their own records outside
 * any person's file, triage with the urgency scheme and deadline profiles, outreach, the network
 * meeting with case codes, feedback to the signaller in safe wordings, and the yearly figures.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Signalling network",
        allowedDependencies = {"common", "identity", "privacy", "person", "network", "vocabulary"})
package org.samenkracht.signals;
