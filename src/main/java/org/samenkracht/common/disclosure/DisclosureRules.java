package org.samenkracht.common.disclosure;

import java.util.UUID;

/**
 * Where an organisation's thresholds of disclosure control are kept (the insights module keeps them, as its
 * setting). A module that publishes figures of its own (the signalling network's yearly figures) asks this for the
 * organisation's {@link Disclosure.Rules}, so its small numbers are held back by the same rule and the same
 * threshold as the insights; without an implementation, the standard rules apply.
 */
public interface DisclosureRules {

    Disclosure.Rules of(UUID organisationId);
}
