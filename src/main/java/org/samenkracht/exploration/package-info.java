/**
 * Exploration: instruments as data, answers over time, wishes, charts. Its API is this package; sub-packages are its own.
 * It may use only the modules named below, so a new arrow between modules is a decision
 * (ModularityTest fails on an undeclared one).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exploration", allowedDependencies = {"common", "identity", "privacy", "person", "vocabulary"})
package org.samenkracht.exploration;
