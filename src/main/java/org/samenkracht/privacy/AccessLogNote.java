package org.samenkracht.privacy;

import java.util.Optional;
import java.util.UUID;

/**
 * An extension point of "who looked": a module adds a line about a use of the person's data that is no one's look at
 * the file (e.g. insights: counted in the municipality's figures, never by whom). The page asks it after its own check
 * that the viewer may read the person's log. The message key is {@code accessLog.<reader>.<key>} with one argument.
 */
public interface AccessLogNote {

    record Note(String key, String argument) {
    }

    Optional<Note> note(UUID personId);
}
