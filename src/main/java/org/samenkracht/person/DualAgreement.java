package org.samenkracht.person;

import java.time.Instant;
import java.util.UUID;

/**
 * The conversation report is only final when both the person and the professional agreed to it
 * (seed 001, 1188–1191). Agreement is to one version of the text: changing the report after either
 * agreed asks both to agree again.
 */
public record DualAgreement(Instant personAgreedAt, Instant professionalAgreedAt, UUID professionalAgreedBy) {

    public enum Status { OPEN, AGREED_BY_PERSON, AGREED_BY_PROFESSIONAL, FINAL }

    public static DualAgreement none() {
        return new DualAgreement(null, null, null);
    }

    public Status status() {
        if (personAgreedAt != null && professionalAgreedAt != null) {
            return Status.FINAL;
        }
        if (personAgreedAt != null) {
            return Status.AGREED_BY_PERSON;
        }
        return professionalAgreedAt != null ? Status.AGREED_BY_PROFESSIONAL : Status.OPEN;
    }

    public boolean isFinal() {
        return status() == Status.FINAL;
    }

    /** The person agrees for themself; anyone else agrees as the professional side. */
    public DualAgreement agree(boolean byPersonHimself, UUID by, Instant at) {
        return byPersonHimself
                ? new DualAgreement(personAgreedAt == null ? at : personAgreedAt, professionalAgreedAt, professionalAgreedBy)
                : new DualAgreement(personAgreedAt, professionalAgreedAt == null ? at : professionalAgreedAt,
                professionalAgreedBy == null ? by : professionalAgreedBy);
    }

    /** After the report's text changed, nobody has agreed to the new text yet. */
    public DualAgreement afterChange() {
        return none();
    }
}
