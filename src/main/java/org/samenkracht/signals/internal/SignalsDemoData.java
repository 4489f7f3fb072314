package org.samenkracht.signals.internal;

import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.Role;
import org.samenkracht.signals.NetworkMeetings;
import org.samenkracht.signals.PartnerKind;
import org.samenkracht.signals.SignalSettings;
import org.samenkracht.signals.Signals;
import org.samenkracht.signals.SignalDetails.ConcernKind;
import org.samenkracht.signals.SignalDetails.Frequency;
import org.samenkracht.signals.SignalDetails.PersonKnows;
import org.samenkracht.signals.SignalDetails.Precondition;
import org.samenkracht.signals.UrgencyScheme;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.samenkracht.common.demo.DemoIds.COACH_MARIEKE;
import static org.samenkracht.common.demo.DemoIds.ORGANISATION;
import static org.samenkracht.common.demo.DemoIds.PASSWORD;
import static org.samenkracht.common.demo.DemoIds.PERSON_JONAS;
import static org.samenkracht.common.demo.DemoIds.PROFESSIONAL_SANNE;

/**
 * Demo data of the signalling network: the pharmacy's agreement and its pharmacist's account
 * ({@code apotheek}), a housing corporation with a link, signals in various states (one acute, one
 * overdue, a weak-signal cluster, one linked to Jonas's file) and a network meeting. Fictional only.
 */
@Component
@Order(70)
@ConditionalOnProperty(name = "samenkracht.demo.enabled", havingValue = "true")
class SignalsDemoData implements ApplicationRunner {

    static final UUID PHARMACY = UUID.fromString("00000000-0000-4000-8000-000000019001");
    static final UUID HOUSING = UUID.fromString("00000000-0000-4000-8000-000000019002");
    /** A shell partner that has not signed the covenant yet: it cannot be invited to a meeting until it does. */
    static final UUID GP_PRACTICE = UUID.fromString("00000000-0000-4000-8000-000000019003");
    static final UUID ACCOUNT_PHARMACIST = UUID.fromString("00000000-0000-4000-8000-000000019101");
    /** The housing corporation's demo link: /signals/link/demo-woonstichting-lindenhoven */
    static final String HOUSING_LINK = "demo-woonstichting-lindenhoven";

    private final Accounts accounts;
    private final SignalSettings settings;
    private final Signals signals;
    private final NetworkMeetings meetings;
    private final JdbcClient jdbc;

    SignalsDemoData(Accounts accounts, SignalSettings settings, Signals signals, NetworkMeetings meetings, JdbcClient jdbc) {
        this.accounts = accounts;
        this.settings = settings;
        this.signals = signals;
        this.meetings = meetings;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.agreement(PHARMACY).isPresent()) {
            scopes();
            postcodesAndThreateningDebts();
            networkPartners();
            return;
        }
        jdbc.sql("""
                insert into signal_partner_agreement (id, organisation_id, partner_name, partner_kind, signed_on, terms)
                values (?, ?, 'Apotheek De Linde (demo)', 'PHARMACY', ?, ?), (?, ?, 'Woonstichting Lindenhoven (demo)', 'HOUSING', ?, ?)""")
                .params(PHARMACY, ORGANISATION, LocalDate.now().minusYears(1),
                        "Convenant signaleringsnetwerk Lindenhoven: alleen doorgeven wat nodig is; geen medische gegevens; "
                                + "terugkoppeling in algemene woorden.",
                        HOUSING, ORGANISATION, LocalDate.now().minusMonths(8),
                        "Convenant signaleringsnetwerk Lindenhoven: huismeesters geven zorgen door via de link.")
                .update();
        settings.setLinkForDemo(HOUSING, HOUSING_LINK);
        scopes();
        if (!accounts.exists(ACCOUNT_PHARMACIST)) {
            accounts.create(new Accounts.NewAccount(ACCOUNT_PHARMACIST, ORGANISATION, "apotheek", PASSWORD,
                    "Astrid Visser, apotheker", Role.SIGNALLING_PARTNER, null));
        }
        settings.attachAccount(ACCOUNT_PHARMACIST, PHARMACY);
        postcodesAndThreateningDebts();
        networkPartners();
        accounts.onBehalfOf(COACH_MARIEKE, () -> settings.setOnDuty(PROFESSIONAL_SANNE));

        // 1. acute: the pharmacist thinks there is danger now
        accounts.onBehalfOf(ACCOUNT_PHARMACIST, () -> signals.reportAsPartner(new Signals.Report("Meneer K. Bos",
                "Berkenstraat 4", "Haalt al drie weken zijn medicijnen niet op en klonk aan de telefoon verward. Woont alleen.",
                true, "", "", ConcernKind.HEALTH_MEDICINES, Frequency.OFTEN, "drie weken", PersonKnows.NO, List.of(),
                "Lindenhoven-Noord")));
        // 2. overdue: a neighbour called four days ago; nobody triaged it yet
        accounts.onBehalfOf(PROFESSIONAL_SANNE, () -> {
            var r = signals.record(new Signals.Recorded(Signals.Channel.PHONE, PartnerKind.RESIDENT, null, "centrum",
                    "Mevrouw T. Smit", "Eikenlaan 30", "Buurvrouw ziet haar nauwelijks nog buiten; de brievenbus puilt uit.",
                    false, "", "", ConcernKind.LONELINESS, Frequency.OFTEN, "een paar maanden", PersonKnows.UNKNOWN,
                    List.of(), true, "Lindenhoven-Zuid"));
            backdate(r.id(), 4);
        });
        // 3. a weak-signal cluster: three signals from three partners within six weeks about the same person
        UUID[] cluster = new UUID[3];
        accounts.onBehalfOf(ACCOUNT_PHARMACIST, () -> cluster[0] = signals.reportAsPartner(new Signals.Report(
                "Mevrouw G. de Graaf", "Lindenlaan 12", "Komt sinds het overlijden van haar man minder vaak; lijkt somber.",
                false, "", "", ConcernKind.LONELINESS, Frequency.SOMETIMES, "het voorjaar", PersonKnows.NO, List.of(),
                "Kastanjebuurt")).id());
        cluster[1] = signals.reportThroughLink(HOUSING_LINK, new Signals.Report("Mevrouw G. de Graaf", "Lindenlaan 12",
                "Reageert niet meer op brieven over onderhoud; de tuin verwildert.", false, "Huismeester Dirk", "",
                ConcernKind.HOUSING_NEGLECT, Frequency.OFTEN, "twee maanden", PersonKnows.YES,
                List.of(Precondition.values()), "Kastanjebuurt")).id();
        accounts.onBehalfOf(PROFESSIONAL_SANNE, () -> cluster[2] = signals.record(new Signals.Recorded(Signals.Channel.EMAIL,
                PartnerKind.CHURCH, null, "centrum", "Mevrouw G. de Graaf", "Lindenlaan 12",
                "Komt niet meer naar de koffieochtend van de kerk.", false, "Diaken Pieters", "")).id());
        backdate(cluster[0], 30);
        backdate(cluster[1], 12);
        accounts.onBehalfOf(PROFESSIONAL_SANNE, () -> {
            for (UUID id : cluster) {
                var s = signals.get(id);
                signals.triage(id, new Signals.Triage(0, 1, 1, UrgencyScheme.Extent.INDIVIDUAL,
                        UrgencyScheme.Duration.STRUCTURAL_SHORT, null, true, "Zwak signaal; samen met de andere bekijken.",
                        s.version()));
            }
            signals.planAction(cluster[2], new Signals.PlanAction(Signals.ActionKind.HOME_VISIT, LocalDate.now().plusDays(2),
                    null, "Samen met de diaken langsgaan."));
        });
        // 4. taken up and linked to Jonas's file (the care team may): Jonas sees in "who looked" that a pharmacy passed on a concern
        accounts.onBehalfOf(ACCOUNT_PHARMACIST, () -> {
            UUID id = signals.reportAsPartner(new Signals.Report("Jonas (demo)", "", "Vraagt steeds vaker om uitstel van betaling.",
                    false, "", "", ConcernKind.MONEY_DEBTS, Frequency.SOMETIMES, "", PersonKnows.YES, List.of())).id();
            accounts.onBehalfOf(PROFESSIONAL_SANNE, () -> {
                var s = signals.get(id);
                signals.triage(id, new Signals.Triage(0, 1, 2, UrgencyScheme.Extent.INDIVIDUAL,
                        UrgencyScheme.Duration.STRUCTURAL_SHORT, null, true, "Bekend bij het team.", s.version()));
                signals.linkToFile(id, PERSON_JONAS, signals.get(id).version());
                signals.planAction(id, new Signals.PlanAction(Signals.ActionKind.PHONE_CALL, LocalDate.now(), null,
                        "Jonas bellen over geldzorgen."));
            });
        });
        // 5. a network meeting two weeks ago, with the cluster as a case under its code; forms destroyed
        accounts.onBehalfOf(COACH_MARIEKE, () -> {
            UUID meeting = meetings.plan(new NetworkMeetings.NewMeeting(LocalDate.now().minusDays(14), false));
            meetings.addAttendee(meeting, new NetworkMeetings.Attendee("Astrid Visser", "Apotheek De Linde", true, PHARMACY));
            meetings.addAttendee(meeting, new NetworkMeetings.Attendee("Dirk Hoekstra", "Woonstichting Lindenhoven", true, HOUSING));
            meetings.addAttendee(meeting, new NetworkMeetings.Attendee("Marieke Jansen", "Buurtteam Lindenhoven", true));
            meetings.addCase(meeting, new NetworkMeetings.AddCase(cluster[2], "Drie zwakke signalen in zes weken."));
            meetings.recordCase(meeting, cluster[2], new NetworkMeetings.CaseOutcome("Eenzaam na overlijden partner.",
                    "Huisbezoek; daarna rouwgroep en een maatje voorstellen.", "Sanne (buurtteam)", 1, false));
            meetings.minutes(meeting, new NetworkMeetings.Minutes("Eén casus besproken. Volgende overleg over zes weken.", 0));
            meetings.close(meeting);
        });
    }

    /**
     * What the demo agreements allow: the pharmacy passes on concerns about health, medicines, money, confusion,
     * loneliness and safety (not about a home); the housing corporation passes on only after a written reminder,
     * an attempt at personal contact and pointing to help, as its covenant sets.
     */
    private void scopes() {
        settings.setScope(PHARMACY, List.of(ConcernKind.HEALTH_MEDICINES, ConcernKind.CONFUSION, ConcernKind.LONELINESS,
                ConcernKind.MONEY_DEBTS, ConcernKind.SAFETY), List.of());
        settings.setScope(HOUSING, List.of(ConcernKind.HOUSING_NEGLECT, ConcernKind.MONEY_DEBTS,
                ConcernKind.THREATENING_DEBTS, ConcernKind.CONFUSION,
                ConcernKind.LONELINESS, ConcernKind.SAFETY), List.of(Precondition.values()));
    }

    /**
     * The postcodes of Lindenhoven mapped to the neighbourhoods of the insights' area list (same names, so their CBS
     * codes apply), and a housing corporation's signal about a threatening eviction with only an address: it gets
     * its neighbourhood from the postcode and its deadline from the concern (act within 3 working days).
     */
    private void postcodesAndThreateningDebts() {
        settings.putPostcodeAreaForDemo(UUID.fromString("00000000-0000-4000-8000-000000019301"), ORGANISATION, 7511, 7511, "Lindenhoven-Noord");
        settings.putPostcodeAreaForDemo(UUID.fromString("00000000-0000-4000-8000-000000019302"), ORGANISATION, 7512, 7513, "Kastanjebuurt");
        settings.putPostcodeAreaForDemo(UUID.fromString("00000000-0000-4000-8000-000000019303"), ORGANISATION, 7521, 7521, "Lindenhoven-Zuid");
        settings.putPostcodeAreaForDemo(UUID.fromString("00000000-0000-4000-8000-000000019304"), ORGANISATION, 7522, 7523, "Beukenwijk");
        boolean there = jdbc.sql("select count(*) from signal where organisation_id = ? and concern_kind = 'THREATENING_DEBTS'")
                .param(ORGANISATION).query(Long.class).single() > 0;
        if (!there) {
            signals.reportThroughLink(HOUSING_LINK, new Signals.Report("", "Wilgenhof 17, 7522 KT Lindenhoven",
                    "Huurachterstand van vier maanden; de deurwaarder heeft de ontruiming aangekondigd. Niemand doet open.",
                    false, "Huismeester Dirk", "", ConcernKind.THREATENING_DEBTS, Frequency.OFTEN, "vier maanden",
                    PersonKnows.YES, List.of(Precondition.values())));
        }
    }

    /**
     * The partners of the network (issue 19, item 6): the pharmacy and the housing corporation are core partners and
     * signed the covenant and privacy rules in force (version 1); a GP practice is a shell partner that has not signed
     * yet, so the meeting page offers only the first two.
     */
    private void networkPartners() {
        jdbc.sql("""
                insert into signal_partner_agreement (id, organisation_id, partner_name, partner_kind, signed_on, terms, membership)
                values (?, ?, 'Huisartsenpraktijk Lindenhoven (demo)', 'GP', ?, ?, 'SHELL') on conflict (id) do nothing""")
                .params(GP_PRACTICE, ORGANISATION, LocalDate.now().minusMonths(2),
                        "Afspraak signaleringsnetwerk Lindenhoven: de praktijkondersteuner geeft zorgen door; convenant nog te tekenen.")
                .update();
        jdbc.sql("update signal_partner_agreement set membership = 'CORE' where id in (?, ?) and membership = 'SHELL'")
                .params(PHARMACY, HOUSING).update();
        signOnce(PHARMACY, "Astrid Visser, apotheker", LocalDate.now().minusYears(1));
        signOnce(HOUSING, "Dirk Hoekstra, huismeester", LocalDate.now().minusMonths(8));
    }

    private void signOnce(UUID agreement, String signedBy, LocalDate on) {
        jdbc.sql("""
                insert into signal_covenant_signature (id, organisation_id, agreement_id, signed_by, signed_on, covenant_version,
                  privacy_rules_version, recorded_by)
                select ?, ?, ?, ?, ?, '1', '1', ? where not exists (select 1 from signal_covenant_signature where agreement_id = ?)""")
                .params(UUID.randomUUID(), ORGANISATION, agreement, signedBy, on, COACH_MARIEKE, agreement).update();
    }

    /** Moves a demo signal back in time, deadline with it, so the queue shows an overdue one. */
    private void backdate(UUID signalId, int days) {
        jdbc.sql("""
                update signal set received_at = received_at - make_interval(days => ?), due_at = due_at - make_interval(days => ?)
                where id = ?""").params(days, days, signalId).update();
    }
}
