package org.samenkracht.network;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The network as it was at the end of a day, and every change to it since. */
public record NetworkHistory(LocalDate on, List<MemberProfile> membersThen, List<Change> changesSince) {

    /** One change to one member; {@code fields} lists what changed compared with the version before. */
    public record Change(Instant at, UUID memberId, String name, Kind kind, MemberProfile.EnteredBy by,
                         List<FieldChange> fields) {
        public LocalDate day() {
            return at.atZone(Network.ZONE).toLocalDate();
        }
    }

    public enum Kind { ADDED, CHANGED, REMOVED, MERGED }

    /**
     * A field that changed, before and after. With {@code keys} the values are message keys (layers,
     * kinds of support), otherwise plain text.
     */
    public record FieldChange(String field, List<String> before, List<String> after, boolean keys) {
    }
}
