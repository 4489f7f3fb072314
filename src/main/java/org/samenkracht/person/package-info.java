/**
 * Person: the person's file: details, the four questions, own story, conversations, logbook, the dossier. Its API is this package; sub-packages are its own.
 * It may use only the modules named below, so a new arrow between modules is a decision
 * (ModularityTest fails on an undeclared one).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Person", allowedDependencies = {"common", "identity", "privacy"})
package org.samenkracht.person;
