package org.samenkracht.signals;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.Accounts;
import org.samenkracht.privacy.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.samenkracht.common.demo.DemoIds.ACCOUNT_JONAS;
import static org.samenkracht.common.demo.DemoIds.ADMIN_AHMED;
import static org.samenkracht.common.demo.DemoIds.COACH_MARIEKE;
import static org.samenkracht.common.demo.DemoIds.PERSON_JONAS;
import static org.samenkracht.common.demo.DemoIds.PROFESSIONAL_PIETER;
import static org.samenkracht.common.demo.DemoIds.PROFESSIONAL_SANNE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The signalling flow on the real database: a partner's signal to triage, outreach, file, meeting, receipt, figures. */
@SamenkrachtTest
class SignalsFlowTest {

    static final UUID PHARMACIST = UUID.fromString("00000000-0000-4000-8000-000000019101");

    @Autowired
    Signals signals;
    @Autowired
    NetworkMeetings meetings;
    @Autowired
    SignalFigures figures;
    @Autowired
    Accounts accounts;
    @Autowired
    AuditLog auditLog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;
    @Autowired
    PlatformTransactionManager transactions;

    /** A pharmacy's signal of a kind its demo agreement allows. */
    static Signals.Report pharmacy(String name, String address, String noticed, boolean acute) {
        return new Signals.Report(name, address, noticed, acute, "", "", SignalDetails.ConcernKind.HEALTH_MEDICINES,
                null, null, null, null);
    }

    /** A housing corporation's signal with the preconditions its demo agreement requires. */
    static Signals.Report housing(String name, String address, String noticed) {
        return new Signals.Report(name, address, noticed, false, "Huismeester", "", SignalDetails.ConcernKind.HOUSING_NEGLECT,
                null, null, null, List.of(SignalDetails.Precondition.values()));
    }

    @Test
    void a_pharmacists_signal_goes_through_triage_outreach_the_file_and_the_meeting_and_the_pharmacist_sees_only_safe_words() {
        AtomicReference<Signals.Received> received = new AtomicReference<>();
        accounts.runAs(PHARMACIST, () -> received.set(signals.reportAsPartner(pharmacy("Jonas (test)", "",
                "Haalt medicijnen niet meer op; zegt dat hij geen geld heeft.", false))));
        UUID id = received.get().id();
        // stored before acknowledged: the row is there when the reference comes back
        assertThat(jdbc.sql("select reference from signal where id = ?").param(id).query(String.class).single())
                .isEqualTo(received.get().reference());
        accounts.runAs(PHARMACIST, () -> {
            assertThat(signals.myReceipts()).filteredOn(r -> r.reference().equals(received.get().reference()))
                    .singleElement().extracting(Receipt::stage).isEqualTo(Receipt.Stage.RECEIVED);
            assertThatThrownBy(() -> signals.get(id)).isInstanceOf(AccessRefused.class);
            assertThatThrownBy(() -> signals.queue(null, 0)).isInstanceOf(AccessRefused.class);
        });

        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            var all = signals.queue(null, 0);
            assertThat(all.open()).isPositive();
            assertThat(all.items()).anySatisfy(i -> assertThat(i.id()).isEqualTo(id));
            // one team: only its rows, and counts that add up to the whole over all teams
            String team = all.items().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow().team();
            var mine = signals.queue(team, 0);
            assertThat(mine.items()).isNotEmpty().allSatisfy(i -> assertThat(i.team()).isEqualTo(team));
            assertThat(mine.teams()).isEqualTo(all.teams()).contains(team);
            assertThat(all.teams().stream().mapToLong(t -> signals.queue(t, 0).open()).sum()).isEqualTo(all.open());
            assertThat(signals.queue("no-such-team", 0).open()).isZero();
            var s = signals.get(id);
            assertThat(s.status()).isEqualTo(Signals.Status.RECEIVED);
            assertThat(s.kind()).isEqualTo(DeadlineKind.REGULAR);
            assertThat(signals.firstContact(id).reasonKey()).isEqualTo("signals.firstContact.noFile");
            assertThatThrownBy(() -> signals.planAction(id, new Signals.PlanAction(Signals.ActionKind.HOME_VISIT, LocalDate.now(), null, null)))
                    .isInstanceOf(RuleViolation.class);
            var suggestion = signals.triage(id, new Signals.Triage(1, 2, 2, UrgencyScheme.Extent.INDIVIDUAL,
                    UrgencyScheme.Duration.STRUCTURAL_LONG, null, true, "Bekend bij het team", s.version()));
            assertThat(suggestion.total()).isEqualTo(7);
            assertThat(suggestion.kind()).isEqualTo(DeadlineKind.URGENT);
            var triaged = signals.get(id);
            assertThat(triaged.scoreTotal()).isEqualTo(7);
            assertThat(triaged.kind()).isEqualTo(DeadlineKind.URGENT);
            assertThat(triaged.contactPerson()).isEqualTo("Sanne de Wit");
            // a stale version is a conflict, not a silent overwrite
            assertThatThrownBy(() -> signals.triage(id, new Signals.Triage(0, 0, 0, UrgencyScheme.Extent.INDIVIDUAL,
                    UrgencyScheme.Duration.INCIDENTAL, null, true, null, s.version())))
                    .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);

            signals.linkToFile(id, PERSON_JONAS, triaged.version());
            var options = signals.firstContact(id);
            assertThat(options.candidates()).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.layer()).isNotEqualTo(org.samenkracht.vocabulary.Layer.INDIVIDUAL_PROFESSIONAL));
            UUID member = options.candidates().get(0).memberId();
            signals.planAction(id, new Signals.PlanAction(Signals.ActionKind.VIA_NETWORK_MEMBER, LocalDate.now(), member, "Eerst via hem"));
            assertThatThrownBy(() -> signals.planAction(id, new Signals.PlanAction(Signals.ActionKind.VIA_NETWORK_MEMBER,
                    LocalDate.now(), UUID.randomUUID(), null))).isInstanceOf(RuleViolation.class);
            UUID visit = signals.planAction(id, new Signals.PlanAction(Signals.ActionKind.HOME_VISIT, LocalDate.now(), null, null));
            signals.completeAction(id, visit, new Signals.CompleteAction("Thuis getroffen; wil hulp bij geld."));
            assertThat(signals.get(id).status()).isEqualTo(Signals.Status.OUTREACH);
        });
        // another organisation's professional does not see the signal
        accounts.runAs(PROFESSIONAL_PIETER, () -> assertThatThrownBy(() -> signals.get(id))
                .isInstanceOf(org.samenkracht.common.domain.NotFound.class));

        // the person sees in "who looked" that a pharmacy passed on a concern, never the details
        accounts.runAs(ACCOUNT_JONAS, () -> assertThat(auditLog.whoLooked(PERSON_JONAS, 50))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("SIGNAL_PHARMACY")));

        // the network meeting: a case code, never the name; the reporting form destroyed at the close
        accounts.runAs(COACH_MARIEKE, () -> {
            UUID meeting = meetings.plan(new NetworkMeetings.NewMeeting(LocalDate.now(), true));
            meetings.addAttendee(meeting, new NetworkMeetings.Attendee("Astrid Visser", "Apotheek", true));
            String code = meetings.addCase(meeting, new NetworkMeetings.AddCase(id, "Signalen: medicijnen, geld."));
            assertThat(code).matches("C-\\d{4}-\\d{3}");
            meetings.recordCase(meeting, id, new NetworkMeetings.CaseOutcome("Geldzorgen", "Schuldhulp", "Sanne", 2, true));
            assertThat(meetings.get(meeting).cases()).singleElement().satisfies(c -> {
                assertThat(c.reportingForm()).isNotNull();
                assertThat(c.typology()).isEqualTo(IsolationType.LEFT_BEHIND);
            });
            meetings.close(meeting);
            var closed = meetings.get(meeting);
            assertThat(closed.formsDestroyedAt()).isNotNull();
            assertThat(closed.cases()).singleElement().satisfies(c -> {
                assertThat(c.reportingForm()).isNull();
                assertThat(c.caseCode()).isEqualTo(code);
            });
            assertThatThrownBy(() -> meetings.addAttendee(meeting, new NetworkMeetings.Attendee("Laat", "x", true)))
                    .isInstanceOf(RuleViolation.class);
        });

        // the pharmacist's receipt: taken up, with the contact person, and nothing of what was found
        accounts.runAs(PHARMACIST, () -> {
            Receipt r = signals.myReceipts().stream().filter(x -> x.reference().equals(received.get().reference()))
                    .findFirst().orElseThrow();
            assertThat(r.stage()).isEqualTo(Receipt.Stage.TAKEN_UP);
            assertThat(r.contactPerson()).isEqualTo("Sanne de Wit");
            assertThat(r.toString()).doesNotContain("medicijnen", "geld", "Jonas", "Schuldhulp");
        });

        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            signals.close(id, new Signals.Close(Signals.CloseReason.HELPED, "Doorverwezen naar schuldhulp", signals.get(id).version()));
            assertThat(signals.get(id).retainUntil()).isNull();
        });
        accounts.runAs(PHARMACIST, () -> assertThat(signals.myReceipts()).filteredOn(x -> x.reference().equals(received.get().reference()))
                .singleElement().extracting(Receipt::stage).isEqualTo(Receipt.Stage.CLOSED));
    }

    @Test
    void a_partner_never_opens_a_file_nor_the_queue_over_http() throws Exception {
        mvc.perform(get("/api/v1/persons/" + PERSON_JONAS).with(httpBasic("apotheek", "samen2026"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/signals").with(httpBasic("apotheek", "samen2026"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/signals/partner/receipts").with(httpBasic("apotheek", "samen2026"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/signals/partner/receipts").with(httpBasic("sanne", "samen2026"))).andExpect(status().isForbidden());
    }

    @Test
    void an_acute_signal_alerts_the_one_on_duty_at_once_and_an_overdue_one_escalates() {
        inRollback(() -> {
            AtomicReference<UUID> acute = new AtomicReference<>();
            accounts.runAs(PHARMACIST, () -> acute.set(signals.reportAsPartner(pharmacy("Meneer Test", "", "Gevallen, ligt op de grond", true)).id()));
            accounts.runAs(PROFESSIONAL_SANNE, () -> {
                assertThat(signals.myAlerts()).anySatisfy(a -> {
                    assertThat(a.get("signal_id")).isEqualTo(acute.get());
                    assertThat(a.get("reason")).isEqualTo("ACUTE");
                });
                var s = signals.get(acute.get());
                assertThat(s.kind()).isEqualTo(DeadlineKind.ACUTE);
                assertThat(java.time.Duration.between(s.receivedAt(), s.dueAt()).toMinutes()).isEqualTo(60);
            });
            jdbc.sql("update signal set due_at = now() - interval '1 minute', escalated_at = null where id = ?").param(acute.get()).update();
            assertThat(signals.escalateOverdue()).isPositive();
            assertThat(signals.escalateOverdue()).isZero();  // once
            accounts.runAs(PROFESSIONAL_SANNE, () -> {
                assertThat(signals.myAlerts()).anySatisfy(a -> {
                    assertThat(a.get("signal_id")).isEqualTo(acute.get());
                    assertThat(a.get("reason")).isEqualTo("OVERDUE");
                });
                assertThat(signals.queue(null, 0).items()).filteredOn(i -> i.id().equals(acute.get())).singleElement()
                        .satisfies(i -> {
                            assertThat(i.escalated()).isTrue();
                            assertThat(i.timing()).isEqualTo(DeadlineProfile.Timing.OVERDUE);
                        });
            });
        });
    }

    @Test
    void a_link_without_account_is_throttled_and_gives_a_receipt_token() {
        inRollback(() -> {
            Signals.Received first = signals.reportThroughLink("demo-woonstichting-lindenhoven",
                    housing("Mevrouw Y", "", "Tuin verwildert"));
            assertThat(first.receiptToken()).isNotBlank();
            assertThat(signals.receipt(first.receiptToken()).stage()).isEqualTo(Receipt.Stage.RECEIVED);
            int accepted = 1;
            try {
                for (int i = 0; i < Signals.LINK_SIGNALS_PER_HOUR + 1; i++) {
                    signals.reportThroughLink("demo-woonstichting-lindenhoven", housing("X" + i, "", "y"));
                    accepted++;
                }
            } catch (Signals.Throttled expected) {
                // the limit holds
            }
            assertThat(accepted).isLessThanOrEqualTo(Signals.LINK_SIGNALS_PER_HOUR);
            assertThatThrownBy(() -> signals.reportThroughLink("wrong-token", new Signals.Report("X", "", "y", false, "", "")))
                    .isInstanceOf(org.samenkracht.common.domain.NotFound.class);
        });
    }

    @Test
    void weak_signals_light_up_the_radar_and_unfounded_ones_are_wiped_after_retention() {
        inRollback(() -> {
            accounts.runAs(PROFESSIONAL_SANNE, () -> {
                assertThat(signals.radar()).anySatisfy(c -> {
                    assertThat(c.subjectName()).isEqualTo("Mevrouw G. de Graaf");
                    assertThat(c.reading().raised()).isTrue();
                    assertThat(c.reading().partners()).isGreaterThanOrEqualTo(2);
                });
                UUID id = signals.record(new Signals.Recorded(Signals.Channel.PHONE, PartnerKind.RESIDENT, null, "noord",
                        "Meneer Z", "1234AB 5", "Buurman maakt zich zorgen", false, "Buurman", "0612345678")).id();
                var s = signals.get(id);
                signals.triage(id, new Signals.Triage(0, 0, 0, UrgencyScheme.Extent.INDIVIDUAL, UrgencyScheme.Duration.INCIDENTAL,
                        null, false, null, s.version()));
                signals.close(id, new Signals.Close(Signals.CloseReason.UNFOUNDED, "Niets aan de hand", signals.get(id).version()));
                assertThat(signals.get(id).retainUntil()).isAfter(LocalDate.now());
                jdbc.sql("update signal set retain_until = current_date - 1 where id = ?").param(id).update();
                assertThat(signals.purgeExpired()).isPositive();
                var purged = signals.get(id);
                assertThat(purged.purged()).isTrue();
                assertThat(purged.subjectName()).isNull();
                assertThat(purged.noticed()).isNull();
                assertThat(purged.reporterContact()).isNull();
                assertThat(purged.closeReason()).isEqualTo(Signals.CloseReason.UNFOUNDED);
            });
        });
    }

    @Test
    void figures_suppress_small_numbers_and_only_staff_and_administrators_see_them() {
        accounts.runAs(ADMIN_AHMED, () -> {
            var f = figures.year(LocalDate.now().getYear());
            assertThat(f.tables()).isNotEmpty();
            // through the disclosure gate: held back ("x"), or a count rounded to base 5
            assertThat(f.tables()).flatMap(t -> t.rows().stream().map(SignalFigures.Row::value).toList())
                    .allSatisfy(v -> assertThat(v).matches("x|\\d*[05]"));
        });
        accounts.runAs(PHARMACIST, () -> assertThatThrownBy(() -> figures.year(2026)).isInstanceOf(AccessRefused.class));
    }

    private void inRollback(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            work.run();
        });
    }
}
