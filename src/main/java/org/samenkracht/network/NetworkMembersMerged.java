package org.samenkracht.network;

import java.util.UUID;

/** Two entries turned out to be the same person; {@code merged} now lives on as {@code kept}. */
public record NetworkMembersMerged(UUID personId, UUID kept, UUID merged) {
}
