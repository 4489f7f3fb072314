package org.samenkracht.insights.internal;

import org.samenkracht.privacy.AccessLogNote;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

/** "Who looked": the person was counted in the municipality's figures at the last refresh; never by whom. */
@Component
class CountedInFigures implements AccessLogNote {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(ZoneId.of("Europe/Amsterdam"));

    private final InsightsStore store;

    CountedInFigures(InsightsStore store) {
        this.store = store;
    }

    @Override
    public Optional<Note> note(UUID personId) {
        return store.countedAt(personId).map(at -> new Note("countedInFigures", DAY.format(at)));
    }
}
