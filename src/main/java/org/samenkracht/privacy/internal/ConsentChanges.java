package org.samenkracht.privacy.internal;

import org.samenkracht.privacy.Consents;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A consent given or revoked changes who may read what of the person at once, also within the
 * request that changed it: the access gate forgets what it had decided about that person.
 */
@Component
class ConsentChanges {

    private final PersonAccess access;

    ConsentChanges(PersonAccess access) {
        this.access = access;
    }

    @EventListener
    void given(Consents.ConsentGiven event) {
        access.decideAfresh(event.personId());
    }

    @EventListener
    void revoked(Consents.ConsentRevoked event) {
        access.decideAfresh(event.personId());
    }
}
