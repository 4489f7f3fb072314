package org.samenkracht.plan.internal;

import org.samenkracht.exploration.Wish;
import org.samenkracht.exploration.Wishes;
import org.samenkracht.identity.Accounts;
import org.samenkracht.network.Network;
import org.samenkracht.network.NetworkMember;
import org.samenkracht.plan.Evaluations;
import org.samenkracht.plan.Intensity;
import org.samenkracht.plan.Layer;
import org.samenkracht.plan.PlanCommands;
import org.samenkracht.plan.PlanCommands.LifeDomain;
import org.samenkracht.plan.PlanView;
import org.samenkracht.plan.Plans;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.samenkracht.common.demo.DemoIds.*;

/**
 * Jonas's plan after the seed's worked example (Bram, in the book): an orderly household and new
 * contacts. The neighbour reminds him of the bin, home care cleans weekly, a friend shops with him,
 * his professional helps him keep control; he does his own laundry. Signed by Jonas and Sanne.
 * Henk's plan (Sanne's) and Els's plan (Marieke's, the coach) are past their evaluation dates,
 * so both worklists have something to show.
 * Runs after the exploration demo (order 50), because goals start from Jonas's wishes.
 */
@Component
@Order(55)
@ConditionalOnProperty(name = "samenkracht.demo.enabled", havingValue = "true")
class PlanDemoData implements ApplicationRunner {

    private final Plans plans;
    private final Evaluations evaluations;
    private final Wishes wishes;
    private final Network network;
    private final Accounts accounts;
    private final JdbcClient jdbc;

    PlanDemoData(Plans plans, Evaluations evaluations, Wishes wishes, Network network, Accounts accounts,
                 JdbcClient jdbc) {
        this.plans = plans;
        this.evaluations = evaluations;
        this.wishes = wishes;
        this.network = network;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.onBehalfOf(PROFESSIONAL_SANNE, () -> {
            if (plans.current(PERSON_JONAS).isPresent()) {
                return;
            }
            List<Wish> wishList = wishes.prioritised(PERSON_JONAS);
            if (wishList.size() < 2) {
                return;
            }
            plans.start(PERSON_JONAS);
            UUID household = plans.addGoal(PERSON_JONAS, new PlanCommands.AddGoal(wishList.get(0).id(),
                    "Ik wil een opgeruimd huis waar ik vrienden kan uitnodigen.",
                    "Alles heeft een vaste plek. Mijn was doe ik zelf. Mijn moeder wil ik er niet mee belasten.",
                    "Het huis is elke week schoon en de vuilnisbak staat op dinsdag buiten.", "SHORT",
                    "Na drie maanden is de keuken elke week schoon en is de vuilnisbak niet één keer vergeten.",
                    List.of(LifeDomain.MATERIAL_WELLBEING, LifeDomain.SELF_DETERMINATION), version()));
            UUID mother = plans.addOption(PERSON_JONAS, new PlanCommands.AddOption(household,
                    "Moeder komt elke week helpen.", "Dichtbij en vertrouwd.", "Jonas wil zijn moeder niet belasten.",
                    version()));
            UUID homeCare = plans.addOption(PERSON_JONAS, new PlanCommands.AddOption(household,
                    "Thuiszorg maakt wekelijks schoon; buurvrouw en vriend helpen met kleine dingen.",
                    "Vaste hulp, Jonas houdt zelf de regie.", "Een aanvraag bij de gemeente kost tijd.", version()));
            plans.chooseOptions(PERSON_JONAS, new PlanCommands.ChooseOptions(household, homeCare, mother, version()));
            plans.answerLayer(PERSON_JONAS, new PlanCommands.AnswerLayer(household, Layer.GENERAL,
                    "Overwogen: de klusjesdienst van het buurthuis. Niet mogelijk omdat die niet wekelijks schoonmaakt.",
                    version()));
            plans.addStep(PERSON_JONAS, new PlanCommands.AddStep(household,
                    "Jonas doet zelf zijn was en legt zijn kleren op een vaste plek.", "PERSON", null, null, null,
                    Intensity.STEUN, "Zelf wassen en opruimen.", null, version()));
            plans.addStep(PERSON_JONAS, new PlanCommands.AddStep(household,
                    "Ria herinnert Jonas op dinsdagavond aan de vuilnisbak.", "NETWORK", member("Ria"), null, null,
                    Intensity.STEUN, "Jonas zet de bak zelf buiten.",
                    "Ria zegt zelf dat één berichtje per week haar lukt; bij de evaluatie vragen we hoe zwaar het is.",
                    version()));
            plans.addStep(PERSON_JONAS, new PlanCommands.AddStep(household,
                    "Thuiszorg De Linde maakt elke week drie uur schoon.", "NETWORK", member("Thuiszorg"), null, null,
                    Intensity.OVERNAME, null, null, version()));
            plans.addStep(PERSON_JONAS, new PlanCommands.AddStep(household,
                    "Daan gaat op zaterdag na de training met Jonas boodschappen doen.", "NETWORK", member("Daan"), null, null,
                    Intensity.STEUN, "Jonas maakt zelf het boodschappenlijstje.", null, version()));
            plans.addStep(PERSON_JONAS, new PlanCommands.AddStep(household,
                    "Sanne helpt Jonas twee uur per week de regie te houden over zijn weekschema.", "PROFESSIONAL",
                    null, PROFESSIONAL_SANNE, null, Intensity.ZORG, null, null, version()));

            UUID contacts = plans.addGoal(PERSON_JONAS, new PlanCommands.AddGoal(wishList.get(1).id(),
                    "Ik wil nieuwe mensen leren kennen.", "Het liefst door samen te sporten.",
                    "Jonas heeft elke week een activiteit met anderen.", "LONG",
                    "Jonas kent na een half jaar twee mensen van de activiteit bij naam en spreekt ze ook buiten de club.",
                    List.of(LifeDomain.RELATIONSHIPS, LifeDomain.SOCIAL_INCLUSION), version()));
            plans.answerLayer(PERSON_JONAS, new PlanCommands.AnswerLayer(contacts, Layer.NETWORK,
                    "Overwogen: Kevin neemt hem mee naar zijn vrienden. Jonas wil liever zelf nieuwe mensen leren kennen.",
                    version()));
            plans.addStep(PERSON_JONAS, new PlanCommands.AddStep(contacts,
                    "Jonas gaat op donderdagavond naar volleybal.", "PERSON", null, null, null,
                    Intensity.STEUN, "Zelf gaan, op de fiets.", null, version()));
            plans.addStep(PERSON_JONAS, new PlanCommands.AddStep(contacts,
                    "Buurthuis De Kroon: volleybal op donderdagavond, de trainer vangt Jonas de eerste keer op.",
                    "NETWORK", member("Buurthuis"), null, null, Intensity.STEUN, null, null, version()));
            plans.setEvaluationDate(PERSON_JONAS, new PlanCommands.SetEvaluationDate(
                    LocalDate.now().plusMonths(3), version()));
            plans.agreeAsProfessional(PERSON_JONAS, new PlanCommands.Agree(
                    "Jonas heeft het plan zelf mee opgesteld.", null, version()));
        });
        accounts.onBehalfOf(ACCOUNT_JONAS, () -> {
            PlanView plan = plans.current(PERSON_JONAS).orElse(null);
            if (plan != null && plan.personAgreement() == null && !plan.agreed()) {
                plans.agreeAsPerson(PERSON_JONAS, new PlanCommands.Agree(
                        "Ik wil niet dat mijn moeder komt helpen.", null, plan.version()));
            }
        });
        accounts.onBehalfOf(PROFESSIONAL_SANNE, () -> {
            if (evaluations.timeline(PERSON_JONAS).firstSupportOn() == null) {
                evaluations.supportStarted(PERSON_JONAS, new PlanCommands.SupportStarted(LocalDate.now()));
            }
            overdue(PERSON_HENK, 7);
        });
        accounts.onBehalfOf(COACH_MARIEKE, () -> overdue(PERSON_ELS, 3));
    }

    /** A plan whose evaluation date passed some days ago, so the worklists have something to show. */
    private void overdue(UUID person, int daysAgo) {
        if (plans.current(person).isPresent()) {
            return;
        }
        plans.start(person);
        plans.setEvaluationDate(person, new PlanCommands.SetEvaluationDate(LocalDate.now().plusDays(1),
                plans.current(person).orElseThrow().version()));
        // The demo steps past the evaluation date (the API only accepts dates ahead).
        jdbc.sql("update support_plan set evaluation_date = current_date - ? where person_id = ?")
                .params(daysAgo, person).update();
    }

    private UUID member(String namePrefix) {
        return network.members(PERSON_JONAS).stream().filter(m -> m.name().startsWith(namePrefix))
                .map(NetworkMember::id).findFirst().orElseThrow();
    }

    private int version() {
        return plans.current(PERSON_JONAS).map(PlanView::version).orElseThrow();
    }
}
