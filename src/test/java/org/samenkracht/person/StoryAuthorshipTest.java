package org.samenkracht.person;

import org.junit.jupiter.api.Test;
import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

class StoryAuthorshipTest {

    private final UUID jonasPerson = UUID.randomUUID();
    private final UUID org = UUID.randomUUID();
    private final CurrentUser jonas = new CurrentUser(UUID.randomUUID(), org, "jonas", "Jonas", Role.PERSON, jonasPerson);
    private final CurrentUser sanne = new CurrentUser(UUID.randomUUID(), org, "sanne", "Sanne", Role.PROFESSIONAL, null);
    private final CurrentUser otherPerson = new CurrentUser(UUID.randomUUID(), org, "els", "Els", Role.PERSON, UUID.randomUUID());

    private OwnStory.Entry entryBy(CurrentUser author, OwnStory.Kind kind) {
        return new OwnStory.Entry(UUID.randomUUID(), jonasPerson, kind, "tekst", author.id(), author.displayName(),
                Instant.now(), null, 0);
    }

    @Test
    void what_the_person_writes_is_their_own_words_and_anyone_else_writes_a_contribution() {
        assertThat(StoryAuthorship.kindFor(jonas, jonasPerson)).isEqualTo(OwnStory.Kind.OWN);
        assertThat(StoryAuthorship.kindFor(sanne, jonasPerson)).isEqualTo(OwnStory.Kind.CONTRIBUTION);
        assertThat(StoryAuthorship.kindFor(otherPerson, jonasPerson)).isEqualTo(OwnStory.Kind.CONTRIBUTION);
    }

    @Test
    void nobody_edits_the_persons_own_words_but_the_person() {
        OwnStory.Entry own = entryBy(jonas, OwnStory.Kind.OWN);
        assertThatNoException().isThrownBy(() -> StoryAuthorship.requireAuthor(own, jonas));
        assertThatThrownBy(() -> StoryAuthorship.requireAuthor(own, sanne))
                .isInstanceOf(AccessRefused.class).hasMessage("story.refused.personsOwnWords");
    }

    @Test
    void a_contribution_is_edited_only_by_its_writer() {
        OwnStory.Entry contribution = entryBy(sanne, OwnStory.Kind.CONTRIBUTION);
        assertThatNoException().isThrownBy(() -> StoryAuthorship.requireAuthor(contribution, sanne));
        assertThatThrownBy(() -> StoryAuthorship.requireAuthor(contribution, jonas))
                .isInstanceOf(AccessRefused.class).hasMessage("story.refused.notYourContribution");
    }
}
