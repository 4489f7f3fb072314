/**
 * Privacy: the access gate, care team, consent, sharing decisions, concerns, emergency access, the audit log. Its API is this package; sub-packages are its own.
 * It may use only the modules named below, so a new arrow between modules is a decision
 * (ModularityTest fails on an undeclared one).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy", allowedDependencies = {"common", "identity"})
package org.samenkracht.privacy;
