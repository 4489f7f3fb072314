package org.samenkracht.exploration;

import java.util.UUID;

/** A wish of the person, in their own words, with the priority the person gave it (1 = most important). */
public record Wish(UUID id, UUID personId, String text, int priority, String source) {
}
