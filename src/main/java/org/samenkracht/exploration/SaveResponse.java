package org.samenkracht.exploration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.Map;

/**
 * Answers to save: {@code complete=false} keeps them as a draft (may be incomplete). For a change to
 * a draft, {@code version} is the one the editor started from.
 */
public record SaveResponse(
        @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.tooLong}") String instrument,
        @NotBlank(message = "{validation.required}") @Size(max = 20, message = "{validation.tooLong}") String instrumentVersion,
        Map<String, String> answers,
        boolean complete,
        Integer version) {
}
