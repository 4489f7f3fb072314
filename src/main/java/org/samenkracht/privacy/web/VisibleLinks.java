package org.samenkracht.privacy.web;

import org.samenkracht.common.web.PersonTab;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What links a page may show its viewer: only those the viewer may follow, so no page leads to a
 * refusal. Templates call it as {@code @visibleLinks}. It asks the access gate's {@code may} (which
 * neither logs nor replaces the check on the page itself). Parts are named by their key
 * ({@link Part#key()}); a comma-separated list means the page needs every one of them.
 */
@Component("visibleLinks")
public class VisibleLinks implements org.samenkracht.common.web.FileTabs {

    private final PersonAccess access;
    private final List<PersonTab> tabs;

    VisibleLinks(PersonAccess access, ObjectProvider<PersonTab> tabs) {
        this.access = access;
        this.tabs = tabs.stream().sorted(Comparator.comparingInt(PersonTab::order)).toList();
    }

    /** The tabs of this person's file the current user may open. */
    public List<PersonTab> tabs(UUID personId) {
        return tabs.stream().filter(t -> mayRead(personId, t.resource())).toList();
    }

    @Override
    public List<PersonTab> visible(UUID personId) {
        return tabs(personId);
    }

    @Override
    public boolean mayOpen(UUID personId, String tabKey) {
        return personId != null && tabs.stream().filter(t -> t.key().equals(tabKey)).findFirst()
                .map(t -> mayRead(personId, t.resource())).orElse(false);
    }

    /** The dossier page reads the person, the four questions and the care team: its tab, on both kinds of page, asks here. */
    @Override
    public boolean dossierVisible(UUID personId) {
        return personId != null && access.may(personId, Part.PERSON, AccessKind.READ)
                && access.may(personId, Part.FOUR_QUESTIONS, AccessKind.READ)
                && access.may(personId, Part.CARE_TEAM, AccessKind.READ);
    }

    /** Whether the current user may read these parts of the person's file ("plan", "plan,network", …). */
    public boolean mayRead(UUID personId, String parts) {
        return may(personId, parts, AccessKind.READ);
    }

    /** Whether the current user may add to these parts as the person may (own story, self-report, agreeing). */
    public boolean mayWriteAsPerson(UUID personId, String parts) {
        return may(personId, parts, AccessKind.WRITE_AS_PERSON);
    }

    /** Whether the current user may change these parts as the care team does. */
    public boolean mayWrite(UUID personId, String parts) {
        return may(personId, parts, AccessKind.WRITE);
    }

    /**
     * The person whose file the current request is about ("/persons/{id}/…"), also on an error page
     * (which has no model of the page it replaces); null elsewhere.
     */
    public UUID personInPath() {
        if (!(org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes)) {
            return null;
        }
        var request = attributes.getRequest();
        Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original != null ? original.toString() : request.getRequestURI();
        var m = java.util.regex.Pattern.compile("^/persons/([0-9a-fA-F-]{36})(/.*)?$").matcher(uri);
        try {
            return m.matches() ? UUID.fromString(m.group(1)) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether the one reading may ask for emergency access (professionals and coaches). */
    public boolean maySupportPeople() {
        return org.samenkracht.identity.CurrentUser.find().map(u -> u.role().supportsPeople()).orElse(false);
    }

    /** Whether anyone is signed in (an error page has no model to tell). */
    public boolean signedIn() {
        return org.samenkracht.identity.CurrentUser.find().isPresent();
    }

    private boolean may(UUID personId, String parts, AccessKind kind) {
        return personId != null && Arrays.stream(parts.split(","))
                .map(key -> Part.ofAuditResource(key.strip())
                        .orElseThrow(() -> new IllegalArgumentException("No part of the file is called " + key)))
                .allMatch(part -> access.may(personId, part, kind));
    }
}
