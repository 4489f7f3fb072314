package org.samenkracht.person;

import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.person.internal.PersonStore;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.CareTeam;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The person module's API: register a person, read and change their details, and the four
 * questions in their own words. Every read and write passes {@link PersonAccess}.
 */
@Service
public class Persons {

    private final PersonStore store;
    private final PersonAccess access;
    private final CareTeam careTeam;
    private final Accounts accounts;

    Persons(PersonStore store, PersonAccess access, CareTeam careTeam, Accounts accounts) {
        this.store = store;
        this.access = access;
        this.careTeam = careTeam;
        this.accounts = accounts;
    }

    /** A professional registers a person and joins their care team; optionally the person gets an account. */
    @Transactional
    public UUID register(RegisterPerson command) {
        return register(UUID.randomUUID(), command);
    }

    @Transactional
    public UUID register(UUID id, RegisterPerson command) {
        CurrentUser user = CurrentUser.get();
        if (!user.role().supportsPeople()) {
            throw new AccessRefused("access.refused.cannotRegister");
        }
        store.insert(id, user.organisationId(), user.id(), command);
        careTeam.join(id, user.id(), user.organisationId(),
                user.is(Role.COACH) ? CareTeam.TeamRole.COACH : CareTeam.TeamRole.PROFESSIONAL, null);
        access.write(id, Part.PERSON);
        if (command.wantsAccount()) {
            accounts.create(new Accounts.NewAccount(null, user.organisationId(), command.username().trim(),
                    command.password(), command.givenName() + " " + command.familyName(), Role.PERSON, id));
        }
        return id;
    }

    /**
     * A file that may already be this person, shown before registering: found by the same name and
     * date of birth, or the same address, in the registering professional's organisation. The name is
     * given only for a file the professional may open; of another file only that it exists.
     */
    public record PossibleDuplicate(UUID id, Reason reason, boolean mayOpen, String fullName) {
        public enum Reason { NAME_AND_BIRTH, ADDRESS }
    }

    @Transactional(readOnly = true)
    public List<PossibleDuplicate> possibleDuplicates(RegisterPerson command) {
        CurrentUser user = CurrentUser.get();
        if (!user.role().supportsPeople()) {
            throw new AccessRefused("access.refused.cannotRegister");
        }
        return store.possibleDuplicates(user.organisationId(), command.givenName(), command.familyName(),
                        command.dateOfBirth(), command.address()).stream()
                .map(row -> {
                    boolean mayOpen = access.may(row.id(), Part.PERSON, AccessKind.READ);
                    return new PossibleDuplicate(row.id(),
                            row.sameNameAndBirth() ? PossibleDuplicate.Reason.NAME_AND_BIRTH : PossibleDuplicate.Reason.ADDRESS,
                            mayOpen, mayOpen ? store.find(row.id()).map(PersonView::fullName).orElse(null) : null);
                })
                .toList();
    }

    @Transactional
    public PersonView get(UUID personId) {
        access.read(personId, Part.PERSON);
        return store.find(personId).orElseThrow(() -> new NotFound("person"));
    }

    /**
     * Whose file a page of one part shows: whoever may read that part sees whose file it is (the names),
     * and the person's details only when they may read those too. Audited as a read of the part,
     * and of the details when shown.
     */
    @Transactional
    public PersonView whose(UUID personId, Part part) {
        if (access.may(personId, Part.PERSON, AccessKind.READ)) {
            return get(personId);
        }
        access.read(personId, part);
        PersonView p = store.find(personId).orElseThrow(() -> new NotFound("person"));
        return new PersonView(p.id(), p.organisationId(), p.givenName(), p.familyName(), null, null, null, null, null,
                p.registeredAt(), p.version());
    }

    @Transactional
    public void update(UUID personId, UpdatePerson command) {
        access.write(personId, Part.PERSON);
        store.update(personId, command);
    }

    /** The persons in whose support the current user takes part. */
    @Transactional(readOnly = true)
    public List<PersonView> caseload() {
        CurrentUser user = CurrentUser.get();
        return store.findAll(careTeam.personsOf(user.id()));
    }

    @Transactional
    public Optional<FourQuestions.Version> fourQuestions(UUID personId) {
        access.read(personId, Part.FOUR_QUESTIONS);
        return store.fourQuestionsHistory(personId).stream().findFirst();
    }

    @Transactional
    public List<FourQuestions.Version> fourQuestionsHistory(UUID personId) {
        access.read(personId, Part.FOUR_QUESTIONS);
        return store.fourQuestionsHistory(personId);
    }

    /** Records the answers as a new version; the person may answer themself. */
    @Transactional
    public int answerFourQuestions(UUID personId, FourQuestions.Answers answers) {
        access.require(personId, Part.FOUR_QUESTIONS, AccessKind.WRITE_AS_PERSON);
        PersonView person = store.find(personId).orElseThrow(() -> new NotFound("person"));
        return store.insertFourQuestions(person, CurrentUser.get().id(), answers);
    }
}
