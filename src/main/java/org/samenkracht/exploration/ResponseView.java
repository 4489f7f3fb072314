package org.samenkracht.exploration;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One filling-in of an instrument: a draft that can still change, or completed and kept as it was. */
public record ResponseView(UUID id, UUID personId, String instrument, String instrumentVersion, Status status,
                           Map<String, String> answers, UUID respondentId, String respondentName, boolean respondentIsPerson,
                           Instant createdAt, Instant updatedAt, Instant completedAt, int version) {

    public enum Status { DRAFT, COMPLETED }

    public boolean isDraft() {
        return status == Status.DRAFT;
    }

    public Integer integer(String linkId) {
        try {
            return answers.containsKey(linkId) ? Integer.valueOf(answers.get(linkId)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
