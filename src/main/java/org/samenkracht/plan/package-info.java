/**
 * Plan: the support plan: goals, options, steps, inside-out check, sign-off, evaluation. Its API is this package; sub-packages are its own.
 * It may use only the modules named below, so a new arrow between modules is a decision
 * (ModularityTest fails on an undeclared one).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plan", allowedDependencies = {"common", "identity", "privacy", "person", "network", "exploration", "vocabulary"})
package org.samenkracht.plan;
