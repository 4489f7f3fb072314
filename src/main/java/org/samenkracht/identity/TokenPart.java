package org.samenkracht.identity;

import java.util.Optional;

/**
 * The parts of the data an API token may reach. A request's part follows from its path: the JSON API
 * of each module and the FHIR resource types map onto the same parts, so one scope covers both.
 */
public enum TokenPart {
    PERSON, NETWORK, PLAN, EXPLORATION, PRIVACY, SOCIALMAP;

    /**
     * The part a request path belongs to; empty for paths no token may use (administration,
     * operations, pages). {@code /fhir/Patient/x/$everything} needs every part: see {@link #all(String)}.
     */
    public static Optional<TokenPart> of(String path) {
        String[] s = path.split("/");
        if (path.startsWith("/fhir/")) {
            return s.length > 2 ? fhir(s[2]) : Optional.empty();
        }
        if (!path.startsWith("/api/v1/") || s.length < 4) {
            return Optional.empty();
        }
        return switch (s[3]) {
            case "persons" -> Optional.of(s.length < 6 ? PERSON : personPart(s[5]));
            case "logbook" -> Optional.of(PERSON);
            case "instruments" -> Optional.of(EXPLORATION);
            case "offers", "places" -> Optional.of(SOCIALMAP);
            default -> Optional.empty();
        };
    }

    /** A whole person's export (FHIR {@code $everything} or metadata) needs every part of the file. */
    public static boolean all(String path) {
        return path.endsWith("/$everything");
    }

    private static TokenPart personPart(String segment) {
        return switch (segment) {
            case "network" -> NETWORK;
            case "plan", "evaluations" -> PLAN;
            case "exploration", "responses", "wishes", "instruments" -> EXPLORATION;
            case "consents", "decisions", "concerns", "audit", "sharing", "emergency-access", "restriction",
                 "erasure", "export", "care-team", "who-looked" -> PRIVACY;
            default -> PERSON;
        };
    }

    private static Optional<TokenPart> fhir(String type) {
        return Optional.ofNullable(switch (type) {
            case "Patient", "metadata" -> PERSON;
            case "RelatedPerson" -> NETWORK;
            case "CarePlan", "Goal", "CareTeam" -> PLAN;
            case "Questionnaire", "QuestionnaireResponse", "Observation" -> EXPLORATION;
            case "Consent", "AuditEvent", "Provenance" -> PRIVACY;
            case "HealthcareService", "Organization", "Location" -> SOCIALMAP;
            default -> null;
        });
    }
}
