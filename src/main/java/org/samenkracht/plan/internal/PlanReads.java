package org.samenkracht.plan.internal;

import org.samenkracht.common.web.RequestMemo;

import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import org.samenkracht.vocabulary.LifeDomain;
import org.samenkracht.plan.PlanView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The current plan as the pages and the API show it, read in one round trip: PostgreSQL builds the
 * goals with their options and steps as JSON. Writes go through the {@link SupportPlan} aggregate.
 */
@Component
class PlanReads {

    record GoalRow(UUID id, UUID wishId, String ownWords, String meaning, String intendedResult, String term,
                   String reachedWhen, List<String> domains, String ownStrengthAnswer, String networkAnswer,
                   String generalAnswer, List<OptionRow> options, List<StepRow> steps) {
    }

    record OptionRow(UUID id, String description, String advantages, String disadvantages, String choice) {
    }

    record StepRow(UUID id, String description, String taker, Layer layer, Intensity intensity, String ownPart,
                   UUID networkMemberId, UUID professionalId, String provider, String loadReason,
                   LocalDate endedOn, String endedReason) {
    }

    record RefusalRow(UUID stepId, String reason, String alternatives, LocalDate talkAgainOn, long recordedAt) {
    }

    record FamilyRow(String who, String disagreement, String agreements, LocalDate meetingOn) {
    }

    record VersionJson(int versionNo, Long signedAt) {
    }

    record MilestoneJson(Long firstSignedAt, LocalDate firstSupportOn) {
    }

    private static final String SQL = """
            select p.id, p.person_id, p.status, p.version_no, p.evaluation_date, p.version,
                   p.person_agreed_at, p.person_agreed_by, p.person_agreed_on_behalf, p.person_remark,
                   p.professional_agreed_at, p.professional_agreed_by, p.professional_remark,
                   (select coalesce(json_agg(json_build_object(
                        'id', g.id, 'wishId', g.wish_id, 'ownWords', g.own_words, 'meaning', g.meaning,
                        'intendedResult', g.intended_result, 'term', g.term, 'reachedWhen', g.reached_when,
                        'domains', g.domains, 'ownStrengthAnswer', g.own_strength_answer,
                        'networkAnswer', g.network_answer, 'generalAnswer', g.general_answer,
                        'options', (select coalesce(json_agg(json_build_object('id', o.id, 'description', o.description,
                                'advantages', o.advantages, 'disadvantages', o.disadvantages, 'choice', o.choice)
                                order by o.position), '[]') from plan_option o where o.plan_goal = g.id),
                        'steps', (select coalesce(json_agg(json_build_object('id', s.id, 'description', s.description,
                                'taker', s.taker, 'layer', s.layer, 'intensity', s.intensity, 'ownPart', s.own_part,
                                'networkMemberId', s.network_member_id, 'professionalId', s.professional_id,
                                'provider', s.provider, 'loadReason', s.load_reason,
                                'endedOn', s.ended_on, 'endedReason', s.ended_reason)
                                order by s.position), '[]') from plan_step s where s.plan_goal = g.id))
                        order by g.position), '[]') from plan_goal g where g.support_plan = p.id)::text as goals,
                   (select coalesce(json_agg(json_build_object('stepId', r.step_id, 'reason', r.reason,
                        'alternatives', r.alternatives, 'talkAgainOn', r.talk_again_on,
                        'recordedAt', (extract(epoch from r.recorded_at) * 1000)::bigint) order by r.position), '[]')
                        from plan_refusal r where r.support_plan = p.id)::text as refusals,
                   (select coalesce(json_agg(json_build_object('who', f.who, 'disagreement', f.disagreement,
                        'agreements', f.agreements, 'meetingOn', f.meeting_on) order by f.position), '[]')
                        from plan_family_view f where f.support_plan = p.id)::text as family,
                   (select coalesce(json_agg(json_build_object('versionNo', v.version_no,
                        'signedAt', (extract(epoch from v.signed_at) * 1000)::bigint) order by v.version_no), '[]')
                        from plan_version v where v.support_plan = p.id)::text as versions,
                   (select json_build_object('firstSignedAt', (extract(epoch from m.first_signed_at) * 1000)::bigint,
                        'firstSupportOn', m.first_support_on)
                        from plan_milestone m where m.person_id = p.person_id)::text as milestone
            from support_plan p
            where p.person_id = ? and p.status <> 'ENDED'
            order by p.created_at desc limit 1""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PlanReads(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<PlanView> current(UUID personId, PlanStore.Names names) {
        return jdbc.sql(SQL).param(personId).query((rs, i) -> {
            List<GoalRow> goalRows = json.readValue(rs.getString("goals"), new TypeReference<List<GoalRow>>() { });
            List<RefusalRow> refusalRows = json.readValue(rs.getString("refusals"), new TypeReference<List<RefusalRow>>() { });
            List<FamilyRow> familyRows = json.readValue(rs.getString("family"), new TypeReference<List<FamilyRow>>() { });
            List<PlanView.Goal> goals = new ArrayList<>();
            int n = 1;
            for (GoalRow g : goalRows) {
                List<PlanView.Option> options = new ArrayList<>();
                int o = 1;
                for (OptionRow opt : g.options()) {
                    options.add(new PlanView.Option(opt.id(), o++, opt.description(), opt.advantages(),
                            opt.disadvantages(), opt.choice()));
                }
                List<PlanView.Step> steps = g.steps().stream().map(s -> new PlanView.Step(s.id(), s.description(),
                        s.taker(), s.layer(), s.intensity(), s.ownPart(), s.networkMemberId(), s.professionalId(),
                        s.provider(),
                        s.networkMemberId() != null ? names.member().apply(s.networkMemberId())
                                : s.professionalId() != null ? names.professional().apply(s.professionalId()) : null,
                        s.loadReason(), s.endedOn(), s.endedReason())).toList();
                Map<Layer, String> answers = new EnumMap<>(Layer.class);
                put(answers, Layer.OWN_STRENGTH, g.ownStrengthAnswer());
                put(answers, Layer.NETWORK, g.networkAnswer());
                put(answers, Layer.GENERAL_COLLECTIVE, g.generalAnswer());
                goals.add(new PlanView.Goal(g.id(), n++, g.wishId(), g.ownWords(), g.meaning(), g.intendedResult(),
                        g.term(), g.reachedWhen(), g.domains() == null ? List.of() : g.domains().stream().map(LifeDomain::of).toList(), answers, options, steps));
            }
            // The page shows the versions and the milestones too: they came along, so it asks no more.
            List<VersionJson> versions = json.readValue(rs.getString("versions"), new TypeReference<List<VersionJson>>() { });
            RequestMemo.know(PlanStore.VERSIONS + personId, PlanStore.entries(rs.getInt("version_no"), versions.stream()
                    .map(v -> new PlanStore.VersionRow(v.versionNo(), epoch(v.signedAt()))).toList()));
            String milestone = rs.getString("milestone");
            MilestoneJson m = milestone == null ? null : json.readValue(milestone, MilestoneJson.class);
            RequestMemo.know(PlanStore.MILESTONES + personId,
                    m == null ? null : new PlanStore.Milestones(epoch(m.firstSignedAt()), m.firstSupportOn()));
            Instant personAt = instant(rs.getTimestamp("person_agreed_at"));
            Instant proAt = instant(rs.getTimestamp("professional_agreed_at"));
            return new PlanView(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                    rs.getString("status"), rs.getInt("version_no"), rs.getObject("evaluation_date", LocalDate.class),
                    rs.getInt("version"), goals,
                    personAt == null ? null : new PlanView.Agreement(personAt, rs.getObject("person_agreed_by", UUID.class),
                            rs.getString("person_agreed_on_behalf")),
                    proAt == null ? null : new PlanView.Agreement(proAt, rs.getObject("professional_agreed_by", UUID.class), null),
                    rs.getString("person_remark"), rs.getString("professional_remark"),
                    refusalRows.stream().map(r -> new PlanView.Refusal(r.stepId(), r.reason(), r.alternatives(),
                            r.talkAgainOn(), Instant.ofEpochMilli(r.recordedAt()))).toList(),
                    familyRows.stream().map(f -> new PlanView.FamilyView(f.who(), f.disagreement(), f.agreements(),
                            f.meetingOn())).toList());
        }).optional();
    }

    private static void put(Map<Layer, String> answers, Layer layer, String answer) {
        if (answer != null) {
            answers.put(layer, answer);
        }
    }

    private static Instant epoch(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
