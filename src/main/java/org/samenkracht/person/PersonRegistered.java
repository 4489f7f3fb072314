package org.samenkracht.person;

import java.util.UUID;

/** A person was registered by a professional; published for other modules. */
public record PersonRegistered(UUID personId, UUID organisationId, UUID registeredBy) {
}
