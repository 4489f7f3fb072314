package org.samenkracht.person;

import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.identity.CurrentUser;

import java.util.UUID;

/**
 * Whose words are these? The own story is written by the person: their text is marked as theirs and
 * cannot be edited by others. A professional can add to it only as a clearly separate contribution.
 */
public final class StoryAuthorship {

    private StoryAuthorship() {
    }

    /** What an addition by this user to this person's story is. */
    public static OwnStory.Kind kindFor(CurrentUser user, UUID personId) {
        return user.isPersonHimself(personId) ? OwnStory.Kind.OWN : OwnStory.Kind.CONTRIBUTION;
    }

    /** Only the author edits an entry: the person's words stay the person's, a contribution stays its writer's. */
    public static void requireAuthor(OwnStory.Entry entry, CurrentUser user) {
        if (!entry.authorId().equals(user.id())) {
            throw new AccessRefused(entry.kind() == OwnStory.Kind.OWN
                    ? "story.refused.personsOwnWords" : "story.refused.notYourContribution");
        }
    }
}
