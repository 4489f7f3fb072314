package org.samenkracht.interop;

import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Signature;
import org.hl7.fhir.r4.model.StringType;
import org.samenkracht.exploration.Instrument;
import org.samenkracht.exploration.ResponseView;
import org.samenkracht.network.LoadWarning;
import org.samenkracht.network.MemberProfile;
import org.samenkracht.network.NetworkMember;
import org.samenkracht.person.FourQuestions;
import org.samenkracht.person.PersonView;
import org.samenkracht.vocabulary.Layer;
import org.samenkracht.plan.PlanView;
import org.samenkracht.privacy.AuditLog;
import org.samenkracht.privacy.CareTeam.Member;
import org.samenkracht.privacy.Consents;
import org.samenkracht.privacy.Information;
import org.samenkracht.socialmap.Offer;
import org.samenkracht.socialmap.OfferData;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Samenkracht's records as FHIR R4 resources, in the shape of HL7's eLTSS guide where it has one: the
 * plan is a CarePlan whose goals are the person's own words ({@code Goal.description}), whose
 * activities are the steps per actor (the person, network members as RelatedPerson, general
 * facilities and professionals), with the inside-out answers as an extension on each Goal and the dual
 * sign-off as signatures on a Provenance. Pure: no database, no access checks (the reads do those).
 */
public final class FhirMapping {

    public static final String BASE = "https://samenkracht.org/fhir/";
    public static final String SD = BASE + "StructureDefinition/";
    public static final String CS = BASE + "CodeSystem/";
    public static final String EXT_LAYER = SD + "layer";
    public static final String EXT_INTENSITY = SD + "intensity";
    public static final String EXT_OWN_PART = SD + "own-part";
    public static final String EXT_INSIDE_OUT = SD + "inside-out-answer";
    public static final String EXT_SUPPORT_RECEIVED = SD + "support-received";
    public static final String EXT_SUPPORT_GIVEN = SD + "support-given";
    public static final String EXT_DO_NOT_BURDEN = SD + "do-not-burden";
    public static final String EXT_TERM = SD + "goal-term";
    public static final String EXT_TAKER = SD + "step-taker";
    public static final String IDENTIFIER_PERSON = BASE + "person-id";

    private FhirMapping() {
    }

    public static Patient patient(PersonView p) {
        Patient patient = new Patient();
        patient.setId(p.id().toString());
        patient.setMeta(new Meta().addProfile("http://hl7.org/fhir/StructureDefinition/Patient"));
        patient.addIdentifier().setSystem(IDENTIFIER_PERSON).setValue(p.id().toString());
        patient.setActive(true);
        patient.addName().setFamily(p.familyName()).addGiven(p.givenName()).setText(p.fullName());
        if (p.dateOfBirth() != null) {
            patient.setBirthDateElement(new DateType(p.dateOfBirth().toString()));
        }
        if (p.phone() != null && !p.phone().isBlank()) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(p.phone());
        }
        if (p.email() != null && !p.email().isBlank()) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(p.email());
        }
        if (p.address() != null && !p.address().isBlank()) {
            patient.addAddress().setText(p.address()).setDistrict(p.neighbourhood());
        }
        patient.setManagingOrganization(new Reference("Organization/" + p.organisationId()));
        return patient;
    }

    public static Organization organisation(UUID id, String name) {
        Organization o = new Organization();
        o.setId(id.toString());
        o.setActive(true);
        o.setName(name);
        return o;
    }

    public static RelatedPerson relatedPerson(MemberProfile m) {
        RelatedPerson r = new RelatedPerson();
        r.setId(m.id().toString());
        r.setActive(true);
        r.setPatient(patientRef(m.personId()));
        r.addRelationship(concept(CS + "relation", m.relation().name(), m.relation().name().toLowerCase()));
        r.addName().setText(m.name());
        if (m.contactConsent() && m.contactDetails() != null && !m.contactDetails().isBlank()) {
            r.addTelecom().setSystem(ContactPoint.ContactPointSystem.OTHER).setValue(m.contactDetails());
        }
        r.addExtension(new Extension(EXT_LAYER, new CodeType(m.layer().name())));
        for (NetworkMember.SupportKind k : m.supportReceived()) {
            r.addExtension(new Extension(EXT_SUPPORT_RECEIVED, coding(CS + "support-kind", k.name())));
        }
        for (NetworkMember.SupportKind k : m.supportGiven()) {
            r.addExtension(new Extension(EXT_SUPPORT_GIVEN, coding(CS + "support-kind", k.name())));
        }
        if (m.doNotBurden()) {
            r.addExtension(new Extension(EXT_DO_NOT_BURDEN, new org.hl7.fhir.r4.model.BooleanType(true)));
        }
        return r;
    }

    public static RelatedPerson relatedPerson(NetworkMember m) {
        RelatedPerson r = new RelatedPerson();
        r.setId(m.id().toString());
        r.setActive(true);
        r.setPatient(patientRef(m.personId()));
        r.addRelationship(concept(CS + "relation", m.relation().name(), m.relation().name().toLowerCase()));
        r.addName().setText(m.name());
        r.addExtension(new Extension(EXT_LAYER, new CodeType(m.layer().name())));
        for (NetworkMember.SupportKind k : m.supportKinds()) {
            r.addExtension(new Extension(EXT_SUPPORT_RECEIVED, coding(CS + "support-kind", k.name())));
        }
        return r;
    }

    /** The care team: the professionals, and the network members who take a step in the plan. */
    public static CareTeam careTeam(UUID personId, List<Member> team, List<NetworkMember> informal) {
        CareTeam t = new CareTeam();
        t.setId("careteam-" + personId);
        t.setStatus(CareTeam.CareTeamStatus.ACTIVE);
        t.setSubject(patientRef(personId));
        t.setName("Samenkracht");
        for (Member m : team) {
            var p = t.addParticipant();
            p.addRole(concept(CS + "team-role", m.teamRole().name(), m.teamRole().name().toLowerCase()));
            p.setMember(new Reference().setDisplay(m.displayName()));
            p.setPeriod(new Period().setStartElement(new DateTimeType(m.since().toString())));
        }
        for (NetworkMember m : informal) {
            var p = t.addParticipant();
            p.addRole(concept(CS + "team-role", "INFORMAL", "informal"));
            p.setMember(new Reference("RelatedPerson/" + m.id()).setDisplay(m.name()));
        }
        return t;
    }

    /** The plan as an eLTSS-shaped CarePlan; goals and steps refer to their Goals and performers. */
    public static CarePlan carePlan(PlanView plan) {
        CarePlan c = new CarePlan();
        c.setId(plan.id().toString());
        c.setStatus(plan.agreed() ? CarePlan.CarePlanStatus.ACTIVE : CarePlan.CarePlanStatus.DRAFT);
        c.setIntent(CarePlan.CarePlanIntent.PLAN);
        c.setTitle("Ondersteuningsplan");
        c.setSubject(patientRef(plan.personId()));
        c.addIdentifier().setSystem(BASE + "plan-version").setValue(plan.id() + "/" + plan.versionNo());
        if (plan.evaluationDate() != null) {
            c.setPeriod(new Period().setEndElement(new DateTimeType(plan.evaluationDate().toString())));
        }
        if (plan.personRemark() != null && !plan.personRemark().isBlank()) {
            c.addNote().setText(plan.personRemark());
        }
        if (plan.professionalRemark() != null && !plan.professionalRemark().isBlank()) {
            c.addNote().setText(plan.professionalRemark());
        }
        for (PlanView.Goal g : plan.goals()) {
            c.addGoal(new Reference("Goal/" + g.id()));
            for (PlanView.Step s : g.steps()) {
                var activity = c.addActivity();
                var detail = activity.getDetail();
                detail.setStatus(plan.agreed() ? CarePlan.CarePlanActivityStatus.INPROGRESS
                        : CarePlan.CarePlanActivityStatus.NOTSTARTED);
                detail.setDescription(s.description());
                detail.addGoal(new Reference("Goal/" + g.id()));
                detail.addPerformer(performer(plan.personId(), s));
                detail.addExtension(new Extension(EXT_TAKER, new CodeType(s.taker())));
                detail.addExtension(new Extension(EXT_LAYER, new CodeType(s.layer().name())));
                if (s.intensity() != null) {
                    detail.addExtension(new Extension(EXT_INTENSITY, new CodeType(s.intensity().name())));
                }
                if (s.ownPart() != null && !s.ownPart().isBlank()) {
                    detail.addExtension(new Extension(EXT_OWN_PART, new StringType(s.ownPart())));
                }
            }
        }
        return c;
    }

    private static Reference performer(UUID personId, PlanView.Step s) {
        return switch (s.taker()) {
            case "PERSON" -> patientRef(personId).setDisplay(s.takerName());
            case "NETWORK" -> s.networkMemberId() == null ? new Reference().setDisplay(s.takerName())
                    : new Reference("RelatedPerson/" + s.networkMemberId()).setDisplay(s.takerName());
            default -> new Reference().setDisplay(s.takerName() != null ? s.takerName()
                    : s.provider() != null ? s.provider() : s.taker());
        };
    }

    /** A goal in the person's own words, with what it should lead to and the inside-out answers per layer. */
    public static Goal goal(PlanView plan, PlanView.Goal g) {
        Goal goal = new Goal();
        goal.setId(g.id().toString());
        goal.setLifecycleStatus(plan.agreed() ? Goal.GoalLifecycleStatus.ACTIVE : Goal.GoalLifecycleStatus.PROPOSED);
        goal.setDescription(new CodeableConcept().setText(g.ownWords()));
        goal.setSubject(patientRef(plan.personId()));
        for (var d : g.domains()) {
            String domain = d.name();
            goal.addCategory(concept(CS + "life-domain", domain, domain.toLowerCase().replace('_', ' ')));
        }
        if (g.intendedResult() != null && !g.intendedResult().isBlank()) {
            goal.addTarget().setMeasure(concept(CS + "observation", "intended-result", "Beoogd resultaat"))
                    .setDetail(new StringType(g.intendedResult()));
        }
        if (g.meaning() != null && !g.meaning().isBlank()) {
            goal.addNote().setText(g.meaning());
        }
        if (g.reachedWhen() != null && !g.reachedWhen().isBlank()) {
            goal.addOutcomeCode(new CodeableConcept().setText(g.reachedWhen()));
        }
        if (g.term() != null) {
            goal.addExtension(new Extension(EXT_TERM, new CodeType(g.term())));
        }
        for (Map.Entry<Layer, String> a : g.answers().entrySet()) {
            if (a.getValue() == null || a.getValue().isBlank()) {
                continue;
            }
            Extension answer = new Extension(EXT_INSIDE_OUT);
            answer.addExtension(new Extension("layer", new CodeType(a.getKey().name())));
            answer.addExtension(new Extension("answer", new StringType(a.getValue())));
            goal.addExtension(answer);
        }
        return goal;
    }

    /** The dual sign-off: the person's and the professional's agreement as signatures on the plan. */
    public static Provenance signOff(PlanView plan, String personName, String professionalName) {
        Provenance p = new Provenance();
        p.setId("signoff-" + plan.id() + "-" + plan.versionNo());
        p.addTarget(new Reference("CarePlan/" + plan.id()));
        PlanView.Agreement last = plan.professionalAgreement() != null ? plan.professionalAgreement() : plan.personAgreement();
        p.setRecorded(Date.from(last.at()));
        p.setActivity(concept("http://terminology.hl7.org/CodeSystem/v3-DataOperation", "UPDATE", "revise"));
        if (plan.personAgreement() != null) {
            addSigner(p, plan.personAgreement(), patientRef(plan.personId()).setDisplay(
                    plan.personAgreement().onBehalf() != null ? plan.personAgreement().onBehalf() : personName));
        }
        if (plan.professionalAgreement() != null) {
            addSigner(p, plan.professionalAgreement(), new Reference().setDisplay(professionalName));
        }
        return p;
    }

    private static void addSigner(Provenance p, PlanView.Agreement a, Reference who) {
        p.addAgent().setWho(who);
        Signature s = p.addSignature();
        s.addType(new Coding("urn:iso-astm:E1762-95:2013", "1.2.840.10065.1.12.1.7", "Consent Signature"));
        s.setWhen(Date.from(a.at()));
        s.setWho(who);
    }

    public static Questionnaire questionnaire(Instrument i) {
        Questionnaire q = new Questionnaire();
        q.setId(i.id() + "-" + i.version());
        q.setUrl(BASE + "Questionnaire/" + i.id());
        q.setVersion(i.version());
        q.setName(i.id().replaceAll("[^A-Za-z0-9]", "_"));
        q.setTitle(i.title().nl());
        q.setStatus(Enumerations.PublicationStatus.ACTIVE);
        q.addSubjectType("Patient");
        i.items().forEach(item -> q.addItem(questionnaireItem(item)));
        return q;
    }

    private static Questionnaire.QuestionnaireItemComponent questionnaireItem(Instrument.Item item) {
        var q = new Questionnaire.QuestionnaireItemComponent();
        q.setLinkId(item.linkId());
        q.setText(item.text().nl());
        q.setType(switch (item.type()) {
            case GROUP -> Questionnaire.QuestionnaireItemType.GROUP;
            case TEXT -> Questionnaire.QuestionnaireItemType.TEXT;
            case INTEGER -> Questionnaire.QuestionnaireItemType.INTEGER;
        });
        if (item.required()) {
            q.setRequired(true);
        }
        if (item.maxLength() != null && item.type() == Instrument.ItemType.TEXT) {
            q.setMaxLength(item.maxLength());
        }
        if (item.domainCode() != null) {
            q.addCode(new Coding(CS + "life-domain", item.domainCode(), null));
        }
        for (Instrument.Option o : item.options() == null ? List.<Instrument.Option>of() : item.options()) {
            q.addAnswerOption().setValue(new IntegerType(o.value()));
        }
        for (Instrument.Item child : item.items() == null ? List.<Instrument.Item>of() : item.items()) {
            q.addItem(questionnaireItem(child));
        }
        return q;
    }

    public static QuestionnaireResponse questionnaireResponse(ResponseView r, Instrument instrument) {
        QuestionnaireResponse q = new QuestionnaireResponse();
        q.setId(r.id().toString());
        q.setQuestionnaire(BASE + "Questionnaire/" + r.instrument() + "|" + r.instrumentVersion());
        q.setStatus(r.status() == ResponseView.Status.COMPLETED ? QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED
                : QuestionnaireResponse.QuestionnaireResponseStatus.INPROGRESS);
        q.setSubject(patientRef(r.personId()));
        q.setAuthored(Date.from(r.completedAt() != null ? r.completedAt() : r.updatedAt()));
        q.setAuthor(r.respondentIsPerson() ? patientRef(r.personId()).setDisplay(r.respondentName())
                : new Reference().setDisplay(r.respondentName()));
        if (instrument != null) {
            instrument.items().forEach(item -> responseItem(item, r.answers()).ifPresent(q::addItem));
        } else {
            r.answers().forEach((linkId, value) -> q.addItem().setLinkId(linkId).addAnswer().setValue(new StringType(value)));
        }
        return q;
    }

    private static java.util.Optional<QuestionnaireResponse.QuestionnaireResponseItemComponent> responseItem(
            Instrument.Item item, Map<String, String> answers) {
        var out = new QuestionnaireResponse.QuestionnaireResponseItemComponent().setLinkId(item.linkId()).setText(item.text().nl());
        if (item.isGroup()) {
            for (Instrument.Item child : item.items()) {
                responseItem(child, answers).ifPresent(out::addItem);
            }
            return out.hasItem() ? java.util.Optional.of(out) : java.util.Optional.empty();
        }
        String value = answers.get(item.linkId());
        if (value == null || value.isBlank()) {
            return java.util.Optional.empty();
        }
        if (item.type() == Instrument.ItemType.INTEGER) {
            try {
                out.addAnswer().setValue(new IntegerType(Integer.parseInt(value.trim())));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        } else {
            out.addAnswer().setValue(new StringType(value));
        }
        return java.util.Optional.of(out);
    }

    /** The person's own strength, in their own words (the second of the four questions). */
    public static Observation strengths(UUID personId, FourQuestions.Version v) {
        Observation o = new Observation();
        o.setId("strengths-" + personId);
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.addCategory(concept("http://terminology.hl7.org/CodeSystem/observation-category", "social-history", "Social History"));
        o.setCode(concept(CS + "observation", "own-strength", "Eigen kracht"));
        o.setSubject(patientRef(personId));
        o.setEffective(new DateTimeType(Date.from(v.recordedAt())));
        o.setValue(new StringType(v.answers().ownStrength()));
        o.addPerformer().setDisplay(v.recordedBy());
        return o;
    }

    /**
     * A network member's load warning: no published guide carries one yet, so it is Samenkracht's own
     * code, about the person ({@code subject}) and focused on the member who carries the load.
     */
    public static Observation loadWarning(MemberProfile m, LoadWarning w, String text) {
        Observation o = new Observation();
        o.setId("load-" + m.id() + "-" + w.name().toLowerCase());
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(concept(CS + "observation", "network-load-warning", "Belasting netwerklid"));
        o.setSubject(patientRef(m.personId()));
        o.addFocus(new Reference("RelatedPerson/" + m.id()).setDisplay(m.name()));
        if (m.latestLoad() != null) {
            o.setEffective(new DateTimeType(m.latestLoad().reportedOn().toString()));
        }
        o.setValue(concept(CS + "load-warning", w.name(), text));
        return o;
    }

    public static Consent consent(UUID personId, Consents.ConsentView c) {
        Consent f = new Consent();
        f.setId(c.id().toString());
        f.setStatus(c.revokedAt() != null ? Consent.ConsentState.INACTIVE
                : c.active() ? Consent.ConsentState.ACTIVE : Consent.ConsentState.PROPOSED);
        f.setScope(concept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", "Privacy Consent"));
        f.addCategory(concept("http://loinc.org", "59284-0", "Patient Consent"));
        f.setPatient(patientRef(personId));
        f.setDateTime(Date.from(c.recordedAt()));
        f.addPolicy().setUri(BASE + "policy/consent").setAuthority(BASE);
        var provision = f.getProvision();
        provision.setType(Consent.ConsentProvisionType.PERMIT);
        Period period = new Period().setStartElement(new DateTimeType(c.validFrom().toString()));
        if (c.validUntil() != null) {
            period.setEndElement(new DateTimeType(c.validUntil().toString()));
        }
        provision.setPeriod(period);
        provision.addActor()
                .setRole(concept("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", "information recipient"))
                .setReference(new Reference().setDisplay(c.recipient()));
        for (Information i : c.information()) {
            provision.addClass_(new Coding(CS + "information", i.name(), null));
        }
        provision.addPurpose(new Coding(CS + "purpose", "SUPPORT", null).setDisplay(c.purpose()));
        return f;
    }

    /** One entry of the audit chain: who read, changed or was refused what, on what ground. */
    public static AuditEvent auditEvent(UUID personId, AuditLog.Entry e) {
        AuditEvent a = new AuditEvent();
        a.setId("audit-" + e.id());
        a.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation"));
        a.setAction(switch (e.action()) {
            case "READ", "DENIED" -> AuditEvent.AuditEventAction.R;
            case "EXPORT" -> AuditEvent.AuditEventAction.E;
            default -> AuditEvent.AuditEventAction.U;
        });
        a.setRecorded(Date.from(e.occurredAt()));
        a.setOutcome("DENIED".equals(e.action()) ? AuditEvent.AuditEventOutcome._4 : AuditEvent.AuditEventOutcome._0);
        a.setOutcomeDesc(e.ground());
        var agent = a.addAgent();
        agent.setRequestor(true);
        agent.setWho(new Reference().setDisplay(e.actor()));
        if (e.actorRole() != null) {
            agent.setType(concept(CS + "role", e.actorRole().name(), e.actorRole().name().toLowerCase()));
        }
        a.getSource().setSite("Samenkracht").setObserver(new Reference().setDisplay("Samenkracht"));
        a.addEntity().setWhat(patientRef(personId)).setName(e.resource())
                .setDescription(e.information() == null ? null : e.information().name());
        return a;
    }

    /** Who wrote what: a Provenance for each change in the audit chain. */
    public static Provenance provenance(UUID personId, AuditLog.Entry e) {
        Provenance p = new Provenance();
        p.setId("audit-" + e.id());
        p.addTarget(patientRef(personId).setDisplay(e.resource()));
        p.setRecorded(Date.from(e.occurredAt()));
        p.setActivity(concept("http://terminology.hl7.org/CodeSystem/v3-DataOperation", "UPDATE", "revise"));
        p.addAgent().setWho(new Reference().setDisplay(e.actor()));
        p.addEntity().setRole(Provenance.ProvenanceEntityRole.SOURCE).setWhat(new Reference("AuditEvent/audit-" + e.id()));
        return p;
    }

    public static HealthcareService healthcareService(Offer o) {
        HealthcareService h = new HealthcareService();
        h.setId(o.id().toString());
        h.setActive(!o.stale());
        h.setName(o.name());
        h.setComment(o.description());
        if (o.providerId() != null) {
            h.setProvidedBy(new Reference("Organization/" + o.providerId()).setDisplay(o.providerName()));
        }
        h.addCategory(concept(CS + "layer", o.layer().name(), o.layer().name().toLowerCase()));
        for (var d : o.domains()) {
            h.addType(concept(CS + "life-domain", d.name(), d.name().toLowerCase().replace('_', ' ')));
        }
        for (int i = 0; i < o.locations().size(); i++) {
            h.addLocation(new Reference("Location/" + o.id() + "-" + i));
        }
        if (o.contactPhone() != null && !o.contactPhone().isBlank()) {
            h.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(o.contactPhone());
        }
        if (o.contactEmail() != null && !o.contactEmail().isBlank()) {
            h.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(o.contactEmail());
        }
        if (o.website() != null && !o.website().isBlank()) {
            h.addTelecom().setSystem(ContactPoint.ContactPointSystem.URL).setValue(o.website());
        }
        if (o.openingHours() != null && !o.openingHours().isBlank()) {
            h.setAvailabilityExceptions(o.openingHours());
        }
        return h;
    }

    public static Organization provider(Offer o) {
        Organization org = new Organization();
        org.setId(o.providerId().toString());
        org.setActive(true);
        org.setName(o.providerName());
        return org;
    }

    public static Location location(Offer o, int index) {
        OfferData.Location l = o.locations().get(index);
        Location loc = new Location();
        loc.setId(o.id() + "-" + index);
        loc.setStatus(Location.LocationStatus.ACTIVE);
        loc.setName(o.name());
        loc.getAddress().setText(l.address());
        loc.getPosition().setLatitude(l.latitude()).setLongitude(l.longitude());
        if (o.providerId() != null) {
            loc.setManagingOrganization(new Reference("Organization/" + o.providerId()));
        }
        return loc;
    }

    static Reference patientRef(UUID personId) {
        return new Reference("Patient/" + personId);
    }

    static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept(new Coding(system, code, display)).setText(display);
    }

    private static CodeableConcept coding(String system, String code) {
        return new CodeableConcept(new Coding(system, code, null));
    }
}
