package org.samenkracht.deliberation.internal;

import org.samenkracht.deliberation.DeliberationCommands;
import org.samenkracht.deliberation.Deliberations;
import org.samenkracht.deliberation.Method;
import org.samenkracht.deliberation.SessionRules;
import org.samenkracht.deliberation.Sessions;
import org.samenkracht.identity.Accounts;
import org.samenkracht.privacy.Concerns;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.samenkracht.common.demo.DemoIds.*;

/**
 * The seed's dilemma (a confidence about violence at home, seed 003 l.770): Sanne works it through with
 * the gps for Fatima up to the decision; the concern is shared with Fatima and waits for its weighing, so
 * the link can be made. A Socratic conversation about closeness and distance is under way. Marieke
 * facilitates an intervision with a pseudonymous case and coached Sanne earlier (lessons and burden kept).
 */
@Component
@Order(90)
@ConditionalOnProperty(name = "samenkracht.demo.enabled", havingValue = "true")
class DeliberationDemoData implements ApplicationRunner {

    private final Accounts accounts;
    private final Deliberations deliberations;
    private final Sessions sessions;
    private final Concerns concerns;
    private final JdbcClient jdbc;

    DeliberationDemoData(Accounts accounts, Deliberations deliberations, Sessions sessions, Concerns concerns, JdbcClient jdbc) {
        this.accounts = accounts;
        this.deliberations = deliberations;
        this.sessions = sessions;
        this.concerns = concerns;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean seeded = jdbc.sql("select exists (select 1 from deliberation where person_id = ?)").param(PERSON_FATIMA)
                .query(Boolean.class).single();
        if (seeded) {
            return;
        }
        accounts.onBehalfOf(PROFESSIONAL_SANNE, () -> {
            UUID concern = concerns.raise(PERSON_FATIMA,
                    "Fatima vertelde in vertrouwen dat haar man haar soms slaat. Ze wil niet dat iemand het weet.");
            concerns.shareWithFamily(PERSON_FATIMA, concern, 0,
                    "Met Fatima besproken, vanuit verwondering: ze wil eerst zelf nadenken en met haar zus praten.");
            UUID d = deliberations.start(PERSON_FATIMA, new DeliberationCommands.Start("Een geheim over geweld thuis", Method.GPS));
            Map<String, String> a = new LinkedHashMap<>();
            a.put("gutReaction", "Schrik, en de neiging meteen iets te doen.");
            a.put("knot", "Fatima's vertrouwen tegenover de veiligheid van haar en de kinderen.");
            a.put("keyQuestion", "Blijf ik zwijgen zoals Fatima vraagt, of zet ik een stap naar buiten?");
            a.put("consultWhom", "Marieke (coach), binnen het gezamenlijk beroepsgeheim.");
            a.put("consultWhy", "Ik wil mijn mandaat niet alleen inschatten.");
            a.put("facts", "Fatima zegt dat haar man haar soms slaat. Ze vraagt het geheim te houden.");
            a.put("suspicions", "Misschien zien de kinderen het. Geen blauwe plekken gezien.");
            a.put("involved", "Fatima (veiligheid, vertrouwen), de kinderen (veiligheid), haar man, de dienst (mandaat), de samenleving.");
            a.put("conflictKind", "LOYALTY");
            a.put("laws", "Beroepsgeheim; schuldig verzuim bij acuut gevaar.");
            a.put("codes", "Geheimhouding; eerst delen met het gezin.");
            a.put("rights", "Rechten van het kind.");
            a.put("decisiveArguments", "Er is geen acuut gevaar; Fatima wil zelf stappen zetten als ze steun krijgt.");
            a.put("desirable", "Dat Fatima en de kinderen veilig zijn en Fatima de regie houdt.");
            a.put("feasible", "Samen met Fatima een veiligheidsplan maken en de zus erbij halen.");
            deliberations.answer(PERSON_FATIMA, d, new DeliberationCommands.Answer(a, 0));
            deliberations.addValue(PERSON_FATIMA, d, new DeliberationCommands.AddValue("Fatima", "vertrouwen",
                    "Wat ze in vertrouwen zegt, blijft bij ons.", 1));
            deliberations.addValue(PERSON_FATIMA, d, new DeliberationCommands.AddValue("De kinderen", "veiligheid",
                    "Een kind moet thuis veilig zijn.", 2));
            deliberations.fillPersonPerspective(PERSON_FATIMA, d, 3);
            deliberations.decide(PERSON_FATIMA, d, new DeliberationCommands.Decide(
                    "Nu geen stap naar buiten. Met Fatima een veiligheidsplan maken; over vier weken samen opnieuw wegen.", 4));
            deliberations.addAction(PERSON_FATIMA, d, new DeliberationCommands.AddAction(
                    "Veiligheidsplan maken met Fatima en haar zus", null, LocalDate.now().plusWeeks(4), 5));
        });
        accounts.onBehalfOf(PROFESSIONAL_SANNE, () -> {
            UUID s = deliberations.start(PERSON_HENK, new DeliberationCommands.Start("Nabijheid en afstand: koffie na de uren", Method.SOCRATIC));
            deliberations.answer(PERSON_HENK, s, new DeliberationCommands.Answer(Map.of(
                    "centralQuestion", "Wanneer wordt nabijheid 'vriend aan huis'?",
                    "experience", "Henk vraagt of ik op zondag een kop koffie kom drinken."), 0));
        });
        accounts.onBehalfOf(COACH_MARIEKE, () -> {
            UUID coaching = sessions.create(new Sessions.NewSession(SessionRules.Kind.COACHING, LocalDate.now().minusDays(21),
                    "Meneer T.", "Hoe houd ik afstand zonder koud te worden?", List.of(PROFESSIONAL_SANNE), null));
            int v = 0;
            for (String round : List.of("question", "exploration", "agreements", "evaluation")) {
                sessions.recordRound(coaching, new Sessions.RecordRound(round, switch (round) {
                    case "question" -> "Sanne merkt dat ze moeilijk nee zegt tegen extra bezoekjes.";
                    case "exploration" -> "Wat werkt al: ze spreekt vaste tijden af. Waar wordt het moeilijk: bij eenzaamheid.";
                    case "agreements" -> "Sanne noemt bij elk bezoek wanneer ze weer komt.";
                    default -> "Helpend om het hardop te zeggen.";
                }, v++));
            }
            sessions.close(coaching, new Sessions.Close("Vaste tijden afspreken beschermt ook de persoon: die weet waar hij aan toe is.", v));
            jdbc.sql("update team_session_participant set moral_burden = 7 where session_id = ? and account_id = ?")
                    .params(coaching, PROFESSIONAL_SANNE).update();
            UUID intervision = sessions.create(new Sessions.NewSession(SessionRules.Kind.INTERVISION, LocalDate.now(),
                    "Mevrouw A.", "Een moeder vertelt in vertrouwen over geweld thuis. Mag ik zwijgen?",
                    List.of(PROFESSIONAL_SANNE, PROFESSIONAL_LOTTE), null));
            sessions.recordRound(intervision, new Sessions.RecordRound("introduction", "Vertrouwelijkheid afgesproken; 70 minuten.", 0));
            sessions.recordRound(intervision, new Sessions.RecordRound("incident",
                    "De inbrenger vertelt: een moeder zegt dat haar man haar soms slaat en vraagt het geheim te houden.", 1));
        });
        accounts.onBehalfOf(PROFESSIONAL_SANNE, () -> jdbc.sql("""
                update team_session_participant set moral_burden = 5 where account_id = ? and session_id in
                  (select id from team_session where kind = 'INTERVISION' and case_pseudonym = 'Mevrouw A.')""")
                .param(PROFESSIONAL_SANNE).update());
    }
}
