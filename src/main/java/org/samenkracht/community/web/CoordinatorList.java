package org.samenkracht.community.web;

import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.Role;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** The coordinators of an organisation, for choosing one in a form. */
@Component
class CoordinatorList {

    record Coordinator(UUID id, String name) {
    }

    private final Accounts accounts;

    CoordinatorList(Accounts accounts) {
        this.accounts = accounts;
    }

    List<Coordinator> of(UUID organisationId) {
        return accounts.withRole(organisationId, Role.COORDINATOR).stream()
                .map(a -> new Coordinator(a.id(), a.displayName())).toList();
    }
}
