package org.samenkracht.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;
import java.util.UUID;

/**
 * Who is asking, as every module needs to know it: the account, its organisation, its role, and
 * for a person's own account the person it belongs to.
 */
public record CurrentUser(UUID id, UUID organisationId, String username, String displayName, Role role, UUID personId)
        implements java.io.Serializable {

    /** The signed-in user of this request; fails when there is none (every page needs a login). */
    public static CurrentUser get() {
        return find().orElseThrow(() -> new IllegalStateException("No signed-in user"));
    }

    public static Optional<CurrentUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Holder holder) {
            return Optional.of(holder.currentUser());
        }
        return Optional.empty();
    }

    public boolean is(Role r) {
        return role == r;
    }

    public boolean isPersonHimself(UUID person) {
        return role == Role.PERSON && person.equals(personId);
    }

    /**
     * True while the application itself works on a user's behalf ({@code Accounts.runAs}: demo data,
     * background jobs) rather than a person at a keyboard: its reads are no one's reads.
     */
    public static boolean onBehalf() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Holder holder && holder.onBehalf();
    }

    /** Implemented by the security principal, so other modules never see the login internals. */
    public interface Holder {
        CurrentUser currentUser();

        default boolean onBehalf() {
            return false;
        }
    }
}
