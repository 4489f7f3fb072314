/**
 * Identity: organisations, accounts, roles, sign-in, sessions. Its API is this package; sub-packages are its own.
 * It may use only the modules named below, so a new arrow between modules is a decision
 * (ModularityTest fails on an undeclared one).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = {"common"})
package org.samenkracht.identity;
