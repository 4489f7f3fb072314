package org.samenkracht.common.web;

import java.util.List;
import java.util.UUID;

/**
 * Which tabs of a person's file the one reading may open, for pages written as compiled templates
 * (the privacy module answers it, as it does for the Thymeleaf pages through {@code @visibleLinks}).
 */
public interface FileTabs {

    /** The tabs of this person's file the current user may open, in their order. */
    List<PersonTab> visible(UUID personId);

    /** Whether the current user may open this tab ("plan") of the person's file. */
    boolean mayOpen(UUID personId, String tabKey);

    /** Whether the current user may open the dossier page itself. */
    boolean dossierVisible(UUID personId);
}
