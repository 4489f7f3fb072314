package org.samenkracht.person.internal;

import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.Role;
import org.samenkracht.person.FourQuestions;
import org.samenkracht.person.Persons;
import org.samenkracht.person.RegisterPerson;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

import static org.samenkracht.common.demo.DemoIds.*;

/**
 * Fictional people, loosely after the seeds' situations. Jonas is the young man of seed 001
 * chapter 2 who wants an orderly household and new contacts; he has his own account.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "samenkracht.demo.enabled", havingValue = "true")
class PersonDemoData implements ApplicationRunner {

    private final Persons persons;
    private final Accounts accounts;
    private final PersonStore store;

    PersonDemoData(Persons persons, Accounts accounts, PersonStore store) {
        this.persons = persons;
        this.accounts = accounts;
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (store.find(PERSON_JONAS).isPresent()) {
            return;
        }
        accounts.onBehalfOf(PROFESSIONAL_SANNE, () -> {
            persons.register(PERSON_JONAS, new RegisterPerson("Jonas", "Verbeke", LocalDate.of(2001, 4, 12),
                    "0470 00 00 01", null, "Lindelaan 4", "Lindenhoven-Noord", "", ""));
            accounts.create(new Accounts.NewAccount(ACCOUNT_JONAS, ORGANISATION, "jonas", PASSWORD,
                    "Jonas Verbeke", Role.PERSON, PERSON_JONAS));
            persons.answerFourQuestions(PERSON_JONAS, new FourQuestions.Answers(
                    "Een opgeruimd huis waar ik me thuis voel, en mensen om mee af te spreken.",
                    "Ik kan koken en ik wil zelf mijn boodschappen doen. Ik wil leren mijn post bij te houden.",
                    "Hulp om het huishouden vol te houden en iemand die me eraan herinnert wanneer de vuilnisbak buiten moet.",
                    "Mijn buurvrouw Ria, mijn vriend Kevin, en misschien iemand van de thuiszorg."));
            persons.register(PERSON_FATIMA, new RegisterPerson("Fatima", "El Amrani", LocalDate.of(1986, 9, 3),
                    null, null, "Beukenstraat 17", "Lindenhoven-Zuid", "", ""));
            persons.answerFourQuestions(PERSON_FATIMA, new FourQuestions.Answers(
                    "Dat mijn kinderen het goed hebben op school en dat ik weer werk vind.",
                    "Ik spreek drie talen en ik organiseer graag dingen.",
                    "Iemand die me helpt met de brieven van school en de gemeente.",
                    "Mijn zus, en de vrouwen van de praatgroep in het buurthuis."));
            persons.register(PERSON_HENK, new RegisterPerson("Henk", "Mertens", LocalDate.of(1944, 1, 21),
                    null, null, "Kastanjehof 2", "Lindenhoven-Noord", "", ""));
        });
        accounts.onBehalfOf(COACH_MARIEKE, () ->
                persons.register(PERSON_ELS, new RegisterPerson("Els", "Wouters", LocalDate.of(1958, 6, 30),
                        null, null, "Eikenlaan 9", "Lindenhoven-Zuid", "", "")));
    }
}
