package org.samenkracht.insights.internal;

import org.samenkracht.privacy.PersonDataErasure;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.UUID;

/**
 * Insights' part of erasing a person: the row that says the person was counted in the figures goes with the person.
 * The aggregates themselves hold no person; the next refresh leaves the erased person out ({@code ErasedPersons}).
 */
@Component
class InsightsErasure implements PersonDataErasure {

    private final InsightsStore store;

    InsightsErasure(InsightsStore store) {
        this.store = store;
    }

    @Override
    public Set<String> tables() {
        return Set.of("insights_counted");
    }

    @Override
    public void erase(UUID personId) {
        store.forget(personId);
    }
}
