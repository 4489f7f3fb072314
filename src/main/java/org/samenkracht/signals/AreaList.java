package org.samenkracht.signals;

import java.util.List;
import java.util.UUID;

/**
 * The organisation's neighbourhoods with their CBS codes, as the insights keep them (issue 22, /insights/settings).
 * The insights module implements this: it already depends on this module (it counts signals), so this module asks
 * through this interface instead of reading the insights' tables or depending on them in a cycle. Without an
 * implementation the list is empty.
 */
public interface AreaList {

    /** One neighbourhood: its name as written on a file, its CBS neighbourhood code, its district's code and name. */
    record Area(String neighbourhood, String neighbourhoodCode, String districtCode, String districtName) {
    }

    List<Area> areas(UUID organisationId);
}
