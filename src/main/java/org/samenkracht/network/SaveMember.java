package org.samenkracht.network;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.samenkracht.network.MemberProfile.ContactFrequency;
import org.samenkracht.vocabulary.Layer;
import org.samenkracht.network.NetworkMember.Relation;
import org.samenkracht.network.NetworkMember.SupportKind;

import java.time.LocalDate;
import java.util.Set;

/**
 * Adding or changing a member of the network. {@code since} backdates the change (someone has
 * been around since, or stopped helping on, that date; never in the future); {@code version} is
 * the version the change was made on (optimistic locking, only for changes).
 */
public record SaveMember(
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String name,
        @NotNull(message = "{validation.required}") Relation relation,
        @NotNull(message = "{validation.required}") Layer layer,
        Set<SupportKind> supportReceived,
        Set<SupportKind> supportGiven,
        Boolean contactConsent,
        @Size(max = 300, message = "{validation.tooLong}") String contactDetails,
        ContactFrequency contactFrequency,
        @Min(value = 1, message = "{network.closeness.range}") @Max(value = 5, message = "{network.closeness.range}") Integer closeness,
        Boolean harmful,
        Boolean doNotBurden,
        @Size(max = 500, message = "{validation.tooLong}") String doNotBurdenNote,
        @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) @PastOrPresent(message = "{network.since.future}") LocalDate since,
        Integer version) {

    /** Left out (a form's unticked box, a JSON field not sent) means no. */
    public SaveMember {
        contactConsent = Boolean.TRUE.equals(contactConsent);
        harmful = Boolean.TRUE.equals(harmful);
        doNotBurden = Boolean.TRUE.equals(doNotBurden);
    }

    public static SaveMember empty() {
        return new SaveMember("", null, null, Set.of(), Set.of(), false, "", null, null, false, false, "", null, null);
    }

    public static SaveMember of(MemberProfile m) {
        return new SaveMember(m.name(), m.relation(), m.layer(), m.supportReceived(), m.supportGiven(),
                m.contactConsent(), m.contactDetails(), m.contactFrequency(), m.closeness(), m.harmful(),
                m.doNotBurden(), m.doNotBurdenNote(), null, m.version());
    }

    static SaveMember of(AddNetworkMember a) {
        return new SaveMember(a.name(), a.relation(), a.layer(), a.supportKinds(), Set.of(), false, null, null, null,
                false, false, null, null, null);
    }

    public Set<SupportKind> received() {
        return supportReceived == null ? Set.of() : supportReceived;
    }

    public Set<SupportKind> given() {
        return supportGiven == null ? Set.of() : supportGiven;
    }
}
