package org.samenkracht.person;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * The four questions of the conversation, answered in the person's own words:
 * what matters to you, what can you already do or want to do yourself, what do you need,
 * and who can help you with that. Each new answer is a new version; earlier ones stay.
 */
public final class FourQuestions {

    private FourQuestions() {
    }

    public record Answers(
            @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") String whatMatters,
            @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") String ownStrength,
            @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") String needs,
            @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") String whoCanHelp) {

        public static Answers empty() {
            return new Answers("", "", "", "");
        }
    }

    public record Version(int versionNo, Answers answers, String recordedBy, Instant recordedAt) {
    }
}
