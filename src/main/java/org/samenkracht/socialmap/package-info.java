/**
 * Social map: offers, Dutch search, inside-out matching, import and export. Its API is this package; sub-packages are its own.
 * It may use only the modules named below, so a new arrow between modules is a decision
 * (ModularityTest fails on an undeclared one).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Social map", allowedDependencies = {"common", "identity", "privacy", "person", "network", "plan", "vocabulary"})
package org.samenkracht.socialmap;
