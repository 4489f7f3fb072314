package org.samenkracht.plan.internal;

import org.samenkracht.person.DossierSection;
import org.samenkracht.privacy.Part;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.List;

/**
 * The plan card: the goals in the person's own words with their steps, and the evaluation date. Public, with its
 * records, only for its compiled template ({@code plan/card.jte}).
 */
@Component
public class PlanDossierSection implements DossierSection {

    public record Summary(List<Goal> goals, LocalDate evaluationDate) {
    }

    public record Goal(String ownWords, List<Step> steps) {
    }

    public record Step(String description) {
    }

    private final ObjectReader summary;

    PlanDossierSection(JsonMapper json) {
        this.summary = json.readerFor(Summary.class);
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public String template() {
        return "plan/card";
    }

    @Override
    public Part part() {
        return Part.PLAN;
    }

    @Override
    public String json() {
        return """
                select json_build_object('evaluationDate', p.evaluation_date,
                         'goals', (select coalesce(json_agg(json_build_object('ownWords', g.own_words,
                                     'steps', (select coalesce(json_agg(json_build_object('description', s.description)
                                                 order by s.position), '[]') from plan_step s where s.plan_goal = g.id))
                                     order by g.position), '[]') from plan_goal g where g.support_plan = p.id))
                from support_plan p where p.person_id = :person and p.status <> 'ENDED'
                order by p.created_at desc limit 1""";
    }

    @Override
    public Object data(String text) {
        return text == null ? null : summary.readValue(text);
    }
}
