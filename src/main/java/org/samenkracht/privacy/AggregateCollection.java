package org.samenkracht.privacy;

import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.identity.CurrentUser;

/**
 * The rule for a module's facts for aggregate figures (insights, issue 22): such a set-based read of many people is
 * work the application does itself, on behalf of a role that sees only aggregates, never a user's read of a person.
 * It writes no audit row per person (the insights module records one refresh row, and tells each person they were
 * counted); called in any other way it is refused.
 */
public final class AggregateCollection {

    private AggregateCollection() {
    }

    public static void require() {
        if (!CurrentUser.onBehalf() || CurrentUser.find().map(u -> !u.role().seesOnlyAggregates()).orElse(true)) {
            throw new AccessRefused("access.refused.aggregatesOnly");
        }
    }
}
