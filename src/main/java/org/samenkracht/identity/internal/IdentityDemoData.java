package org.samenkracht.identity.internal;

import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import static org.samenkracht.common.demo.DemoIds.*;

/** The fictional municipality's organisations and staff accounts. Person accounts come with their person. */
@Component
@Order(10)
@ConditionalOnProperty(name = "samenkracht.demo.enabled", havingValue = "true")
class IdentityDemoData implements ApplicationRunner {

    private final Accounts accounts;

    IdentityDemoData(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.ensureOrganisation(ORGANISATION, "Buurtteam Lindenhoven (demo)");
        accounts.ensureOrganisation(OTHER_ORGANISATION, "Thuiszorg De Linde (demo)");
        staff(PROFESSIONAL_SANNE, ORGANISATION, "sanne", "Sanne de Wit", Role.PROFESSIONAL);
        staff(COACH_MARIEKE, ORGANISATION, "marieke", "Marieke Jansen", Role.COACH);
        staff(ADMIN_AHMED, ORGANISATION, "ahmed", "Ahmed Bakker", Role.ADMINISTRATOR);
        staff(PROFESSIONAL_PIETER, OTHER_ORGANISATION, "pieter", "Pieter Claes", Role.PROFESSIONAL);
    }

    private void staff(java.util.UUID id, java.util.UUID org, String username, String name, Role role) {
        if (!accounts.exists(id)) {
            accounts.create(new Accounts.NewAccount(id, org, username, PASSWORD, name, role, null));
        }
    }
}
