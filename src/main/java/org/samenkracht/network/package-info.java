/**
 * Network: the support system: members by layer, kinds of support, load, the ecogram, its history. Its API is this package; sub-packages are its own.
 * It may use only the modules named below, so a new arrow between modules is a decision
 * (ModularityTest fails on an undeclared one).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Network", allowedDependencies = {"common", "identity", "privacy", "person", "vocabulary"})
package org.samenkracht.network;
