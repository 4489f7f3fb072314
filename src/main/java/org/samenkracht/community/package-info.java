/**
 * Community: volunteers and their backing (screening, coordinator, hours, recognition), buddy matches
 * that start from the person's own network, support groups, and neighbourhood places where people
 * also give (kwartiermaken). A volunteer sees the shared goal and the practical details of their own
 * match, never the person's file; everything about a person passes {@code PersonAccess}. It reads the
 * exploration module's instrument answers (through {@code Explorations}, gated) to show a match's effect on
 * the person's own quality of life and self-reliance (exploration does not depend on community).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Community",
        allowedDependencies = {"common", "identity", "privacy", "person", "network", "plan", "socialmap", "vocabulary", "exploration"})
package org.samenkracht.community;
