package org.samenkracht.privacy.web;

import org.samenkracht.common.web.PersonTab;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Information;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What links a page may show its viewer: only those the viewer may follow, so no page leads to a
 * refusal. Templates call it as {@code @visibleLinks}. It asks the access gate's {@code may} (which
 * neither logs nor replaces the check on the page itself), once per part of the file.
 */
@Component("visibleLinks")
public class VisibleLinks {

    private final PersonAccess access;
    private final List<PersonTab> tabs;

    VisibleLinks(PersonAccess access, ObjectProvider<PersonTab> tabs) {
        this.access = access;
        this.tabs = tabs.stream().sorted(Comparator.comparingInt(PersonTab::order)).toList();
    }

    /** The tabs of this person's file the current user may open. */
    public List<PersonTab> tabs(UUID personId) {
        Map<Information, Boolean> may = new EnumMap<>(Information.class);
        return tabs.stream()
                .filter(t -> may.computeIfAbsent(Information.of(t.resource()),
                        i -> access.may(personId, AccessKind.READ, t.resource())))
                .toList();
    }

    /** Whether the current user may read this part of the person's file ("plan", "network", …). */
    public boolean mayRead(UUID personId, String resource) {
        return personId != null && access.may(personId, AccessKind.READ, resource);
    }

    /** Whether the current user may add to the file as the person may (own story, self-report, agreeing). */
    public boolean mayWriteAsPerson(UUID personId) {
        return personId != null && access.may(personId, AccessKind.WRITE_AS_PERSON);
    }

    /** Whether the current user may change what the care team keeps. */
    public boolean mayWrite(UUID personId, String resource) {
        return personId != null && access.may(personId, AccessKind.WRITE, resource);
    }
}
