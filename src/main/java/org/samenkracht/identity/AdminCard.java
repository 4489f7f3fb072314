package org.samenkracht.identity;

import java.util.List;

/**
 * A card on the administrator's start page ({@code /admin}), offered by any module: the social map's
 * attention list, the audit check. Identity shows them without knowing the modules (they depend on it).
 */
public interface AdminCard {

    int order();

    String titleKey();

    /** Where the administrator goes to act on it. */
    String path();

    /** What the card says now, as message keys with their arguments. */
    List<Line> lines();

    record Line(String messageKey, Object... args) {
    }
}
