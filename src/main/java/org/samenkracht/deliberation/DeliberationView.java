package org.samenkracht.deliberation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A deliberation as pages and the API show it. {@code version} is the edit token to send back with a
 * change (409 when someone else changed it meanwhile).
 */
public record DeliberationView(UUID id, UUID personId, Method method, String title, UUID facilitatorId,
                               String facilitatorName, Map<String, String> answers, String personPerspective,
                               List<ValueRow> values, List<Action> actions, String decision, Instant decidedAt,
                               Instant closedAt, UUID concernId, Instant createdAt, int version) {

    /** Depth: one perspective, the value it holds on to, the norm that follows from it. */
    public record ValueRow(UUID id, String perspective, String valueName, String norm) {
    }

    /** An action after the decision; {@code planStepId} is the plan step it became. */
    public record Action(UUID id, String description, LocalDate evaluateOn, UUID planStepId) {
    }

    public boolean decided() {
        return decidedAt != null;
    }

    public boolean closed() {
        return closedAt != null;
    }

    public String answer(String key) {
        return answers.getOrDefault(key, "");
    }

    public List<DeliberationRules.Step> steps() {
        return DeliberationRules.steps(method);
    }

    public Map<String, Boolean> progress() {
        return DeliberationRules.progress(method, answers);
    }
}
