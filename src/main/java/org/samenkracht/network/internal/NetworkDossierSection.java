package org.samenkracht.network.internal;

import org.samenkracht.network.MemberProfile;
import org.samenkracht.network.NetworkLoadPolicy;
import org.samenkracht.person.DossierSection;
import org.samenkracht.privacy.Part;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/** The network card: the current members with the load warnings they raise, read with the rest of the dossier. */
@Component
class NetworkDossierSection implements DossierSection {

    private final JsonMapper json;

    NetworkDossierSection(JsonMapper json) {
        this.json = json;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String template() {
        return "network/section :: section";
    }

    @Override
    public Part part() {
        return Part.NETWORK;
    }

    @Override
    public String json() {
        return """
                select coalesce(json_agg(json_build_object('id', m.id, 'personId', m.person_id, 'name', m.name,
                         'relation', m.relation, 'layer', m.layer, 'supportReceived', m.support_kinds,
                         'supportGiven', m.support_given, 'contactConsent', m.contact_consent,
                         'contactDetails', case when m.contact_consent then m.contact_details end,
                         'contactFrequency', m.contact_frequency, 'closeness', m.closeness, 'harmful', m.harmful,
                         'doNotBurden', m.do_not_burden, 'doNotBurdenNote', m.do_not_burden_note,
                         'enteredBy', m.entered_by, 'accountId', m.account_id, 'version', m.version, 'warnings', '[]'::json,
                         'loads', (select coalesce(json_agg(json_build_object('id', l.id, 'memberId', l.member_id,
                                     'reportedOn', l.reported_on, 'hoursPerWeek', l.hours_per_week, 'tasks', l.tasks,
                                     'capacity', l.capacity, 'burden', l.burden, 'source', l.source)
                                     order by l.reported_on, l.recorded_at), '[]')
                                   from network_load_report l where l.member_id = m.id))
                         order by case m.layer when 'NATURAL' then 1 when 'COMMUNITY' then 2 else 3 end, m.name, m.id), '[]')
                from network_member m where m.person_id = :person and m.removed_at is null""";
    }

    @Override
    public Object data(JsonNode node) {
        return NetworkLoadPolicy.assessAll(json.treeToValue(node, new TypeReference<List<MemberProfile>>() { }));
    }
}
