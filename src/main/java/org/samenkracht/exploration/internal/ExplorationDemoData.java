package org.samenkracht.exploration.internal;

import org.samenkracht.exploration.Wishes;
import org.samenkracht.identity.Accounts;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import static org.samenkracht.common.demo.DemoIds.*;

/** Jonas's wishes, in his words and his order. */
@Component
@Order(50)
@ConditionalOnProperty(name = "samenkracht.demo.enabled", havingValue = "true")
class ExplorationDemoData implements ApplicationRunner {

    private final Wishes wishes;
    private final Accounts accounts;

    ExplorationDemoData(Wishes wishes, Accounts accounts) {
        this.wishes = wishes;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            if (!wishes.prioritised(PERSON_JONAS).isEmpty()) {
                return;
            }
            wishes.add(PERSON_JONAS, new Wishes.AddWish("Een opgeruimd huis waar ik vrienden kan uitnodigen.", "CONVERSATION"));
            wishes.add(PERSON_JONAS, new Wishes.AddWish("Nieuwe mensen leren kennen, bijvoorbeeld via voetbal.", "CONVERSATION"));
            wishes.add(PERSON_JONAS, new Wishes.AddWish("Zelf mijn post en rekeningen bijhouden.", "CONVERSATION"));
        });
    }
}
