package org.samenkracht.network;

import org.samenkracht.vocabulary.Layer;
import org.samenkracht.network.NetworkMember.Relation;
import org.samenkracht.network.NetworkMember.SupportKind;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Everything the support system knows about one member, as the person and their care team see
 * it: support received and given back (reciprocity), contact (only where the person agreed),
 * closeness, whether the person wants distance from them, the "do not burden" wish, who entered
 * them, and for informal carers the load reports (oldest first) with the warnings they raise.
 */
public record MemberProfile(UUID id, UUID personId, String name, Relation relation, Layer layer,
                            Set<SupportKind> supportReceived, Set<SupportKind> supportGiven,
                            boolean contactConsent, String contactDetails, ContactFrequency contactFrequency,
                            Integer closeness, boolean harmful, boolean doNotBurden, String doNotBurdenNote,
                            EnteredBy enteredBy, UUID accountId, int version,
                            List<LoadReport> loads, List<LoadWarning> warnings) {

    /** How often the person and this member are in touch. */
    public enum ContactFrequency { DAILY, WEEKLY, MONTHLY, RARELY }

    /** Who put this member on the map: the person themself or a professional. */
    public enum EnteredBy { PERSON, PROFESSIONAL }

    /** Informal carers (natural network and community: family, friends, neighbours, volunteers) carry load. */
    public boolean informal() {
        return layer != Layer.INDIVIDUAL_PROFESSIONAL;
    }

    public LoadReport latestLoad() {
        return loads.isEmpty() ? null : loads.get(loads.size() - 1);
    }

    public double hoursPerWeek() {
        LoadReport latest = latestLoad();
        return latest == null ? 0 : latest.hoursPerWeek();
    }

    public boolean givesBack() {
        return !supportGiven.isEmpty();
    }

    public MemberProfile withWarnings(List<LoadWarning> newWarnings) {
        return new MemberProfile(id, personId, name, relation, layer, supportReceived, supportGiven, contactConsent,
                contactDetails, contactFrequency, closeness, harmful, doNotBurden, doNotBurdenNote, enteredBy,
                accountId, version, loads, List.copyOf(newWarnings));
    }

    /**
     * The members layer by layer, in the order the ecogram's text version reads them (network,
     * collective, volunteers, professionals); a layer without members is left out.
     */
    public static java.util.Map<Layer, List<MemberProfile>> inLayers(List<MemberProfile> members) {
        java.util.Map<Layer, List<MemberProfile>> inLayers = new java.util.LinkedHashMap<>();
        for (Layer layer : Layer.forNetworkMembers()) {
            List<MemberProfile> inLayer = members.stream().filter(m -> m.layer() == layer).toList();
            if (!inLayer.isEmpty()) {
                inLayers.put(layer, inLayer);
            }
        }
        return inLayers;
    }

    public NetworkMember toMember() {
        return new NetworkMember(id, personId, name, relation, layer, supportReceived, version);
    }
}
