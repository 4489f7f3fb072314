package org.samenkracht.interop;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.samenkracht.exploration.Explorations;
import org.samenkracht.exploration.Instrument;
import org.samenkracht.identity.Accounts;
import org.samenkracht.network.MemberProfile;
import org.samenkracht.network.Network;
import org.samenkracht.network.NetworkMember;
import org.samenkracht.person.PersonView;
import org.samenkracht.person.Persons;
import org.samenkracht.plan.PlanView;
import org.samenkracht.plan.Plans;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.AuditLog;
import org.samenkracht.privacy.CareTeam;
import org.samenkracht.privacy.Consents;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.samenkracht.privacy.StepUp;
import org.samenkracht.socialmap.Offer;
import org.samenkracht.socialmap.SearchQuery;
import org.samenkracht.socialmap.SocialMap;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A person's data as FHIR resources, read through each module's API class, so every read passes the
 * same access gate and is audited as a page's read is. A part the requester may not see (a consent
 * that covers only the plan, say) is left out of the export rather than refusing the whole.
 */
@Service
public class FhirReads {

    /** The audit entries a bundle carries at most (the newest). */
    static final int AUDIT_LIMIT = 200;

    private final Persons persons;
    private final Network network;
    private final Plans plans;
    private final Explorations explorations;
    private final CareTeam careTeam;
    private final Consents consents;
    private final AuditLog auditLog;
    private final PersonAccess access;
    private final SocialMap socialMap;
    private final Accounts accounts;
    private final MessageSource messages;
    private final StepUp stepUp;

    FhirReads(Persons persons, Network network, Plans plans, Explorations explorations, CareTeam careTeam,
              Consents consents, AuditLog auditLog, PersonAccess access, SocialMap socialMap, Accounts accounts,
              MessageSource messages, StepUp stepUp) {
        this.stepUp = stepUp;
        this.persons = persons;
        this.network = network;
        this.plans = plans;
        this.explorations = explorations;
        this.careTeam = careTeam;
        this.consents = consents;
        this.auditLog = auditLog;
        this.access = access;
        this.socialMap = socialMap;
        this.accounts = accounts;
        this.messages = messages;
    }

    @Transactional
    public org.hl7.fhir.r4.model.Patient patient(UUID personId) {
        return FhirMapping.patient(persons.get(personId));
    }

    @Transactional
    public List<Resource> relatedPersons(UUID personId) {
        return new ArrayList<>(network.profiles(personId).stream().map(FhirMapping::relatedPerson).toList());
    }

    @Transactional
    public List<Resource> careTeams(UUID personId) {
        access.read(personId, Part.CARE_TEAM);
        List<NetworkMember> informal = new ArrayList<>();
        if (access.may(personId, Part.PLAN, AccessKind.READ) && access.may(personId, Part.NETWORK, AccessKind.READ)) {
            Set<UUID> takers = new java.util.HashSet<>();
            plans.current(personId).ifPresent(plan -> plan.goals().forEach(g -> g.steps().forEach(s -> {
                if (s.networkMemberId() != null) {
                    takers.add(s.networkMemberId());
                }
            })));
            network.members(personId).stream().filter(m -> takers.contains(m.id())).forEach(informal::add);
        }
        return List.of(FhirMapping.careTeam(personId, careTeam.members(personId), informal));
    }

    @Transactional
    public List<Resource> carePlans(UUID personId) {
        return plans.current(personId).map(plan -> List.<Resource>of(FhirMapping.carePlan(plan))).orElse(List.of());
    }

    @Transactional
    public List<Resource> goals(UUID personId) {
        return plans.current(personId).map(plan -> plan.goals().stream()
                .map(g -> (Resource) FhirMapping.goal(plan, g)).toList()).orElse(List.of());
    }

    public List<Resource> questionnaires() {
        return new ArrayList<>(explorations.instruments().stream().map(FhirMapping::questionnaire).toList());
    }

    @Transactional
    public List<Resource> questionnaireResponses(UUID personId) {
        return new ArrayList<>(explorations.responses(personId).stream()
                .map(r -> (Resource) FhirMapping.questionnaireResponse(r, instrument(r.instrument(), r.instrumentVersion())))
                .toList());
    }

    /** Strengths (the person's own words) and load warnings of network members. */
    @Transactional
    public List<Resource> observations(UUID personId) {
        persons.get(personId);
        List<Resource> out = new ArrayList<>();
        if (access.may(personId, Part.FOUR_QUESTIONS, AccessKind.READ)) {
            persons.fourQuestions(personId).ifPresent(v -> out.add(FhirMapping.strengths(personId, v)));
        }
        if (access.may(personId, Part.NETWORK, AccessKind.READ)) {
            for (MemberProfile m : network.profiles(personId)) {
                m.warnings().forEach(w -> out.add(FhirMapping.loadWarning(m, w,
                        messages.getMessage(w.messageKey(), new Object[]{m.name()}, LocaleContextHolder.getLocale()))));
            }
        }
        return out;
    }

    @Transactional
    public List<Resource> consents(UUID personId) {
        return new ArrayList<>(consents.of(personId).stream().map(c -> (Resource) FhirMapping.consent(personId, c)).toList());
    }

    @Transactional
    public List<Resource> auditEvents(UUID personId) {
        return new ArrayList<>(auditLog.whoLooked(personId, AUDIT_LIMIT).stream()
                .map(e -> (Resource) FhirMapping.auditEvent(personId, e)).toList());
    }

    /** Who wrote what: the changes in the audit chain, and the dual sign-off of the plan. */
    @Transactional
    public List<Resource> provenances(UUID personId) {
        persons.get(personId);
        List<Resource> out = new ArrayList<>();
        if (access.may(personId, Part.PLAN, AccessKind.READ)) {
            signOff(personId).ifPresent(out::add);
        }
        if (access.may(personId, Part.AUDIT_LOG, AccessKind.READ)) {
            auditLog.whoLooked(personId, AUDIT_LIMIT).stream().filter(e -> "WRITE".equals(e.action()))
                    .forEach(e -> out.add(FhirMapping.provenance(personId, e)));
        }
        return out;
    }

    private Optional<Resource> signOff(UUID personId) {
        return plans.current(personId)
                .filter(p -> p.personAgreement() != null || p.professionalAgreement() != null)
                .map(p -> FhirMapping.signOff(p, persons.get(personId).fullName(), professionalName(p)));
    }

    private String professionalName(PlanView plan) {
        if (plan.professionalAgreement() == null) {
            return null;
        }
        return accounts.find(plan.professionalAgreement().by()).map(Accounts.Account::displayName).orElse("?");
    }

    /** The social map's offers that match a text, as HealthcareService with their Organization and Locations. */
    public List<Resource> healthcareServices(String text, boolean withProviders) {
        var result = socialMap.search(new SearchQuery(text, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
                null, null, null, null, 50, 0));
        List<Resource> out = new ArrayList<>();
        Map<UUID, Resource> providers = new LinkedHashMap<>();
        for (var hit : result.hits()) {
            Offer o = hit.offer();
            out.add(FhirMapping.healthcareService(o));
            if (withProviders) {
                if (o.providerId() != null) {
                    providers.putIfAbsent(o.providerId(), FhirMapping.provider(o));
                }
                for (int i = 0; i < o.locations().size(); i++) {
                    out.add(FhirMapping.location(o, i));
                }
            }
        }
        out.addAll(providers.values());
        return out;
    }

    public Resource healthcareService(UUID offerId) {
        return FhirMapping.healthcareService(socialMap.offer(offerId));
    }

    /**
     * Everything about one person that the requester may see, as one Bundle. The person themself is
     * required (refused: 403); every other part is included only when the gate allows it, and read
     * through the same gate (so audited).
     */
    @Transactional
    public Bundle everything(UUID personId, String base) {
        PersonView person = persons.get(personId);
        stepUp.require();
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(new Date());
        bundle.getIdentifier().setSystem(FhirMapping.BASE + "export").setValue(UUID.randomUUID().toString());
        add(bundle, base, FhirMapping.patient(person));
        accounts.organisationName(person.organisationId())
                .ifPresent(name -> add(bundle, base, FhirMapping.organisation(person.organisationId(), name)));
        if (access.may(personId, Part.NETWORK, AccessKind.READ)) {
            relatedPersons(personId).forEach(r -> add(bundle, base, r));
        }
        if (access.may(personId, Part.CARE_TEAM, AccessKind.READ)) {
            careTeams(personId).forEach(r -> add(bundle, base, r));
        }
        if (access.may(personId, Part.PLAN, AccessKind.READ)) {
            plans.current(personId).ifPresent(plan -> {
                add(bundle, base, FhirMapping.carePlan(plan));
                plan.goals().forEach(g -> add(bundle, base, FhirMapping.goal(plan, g)));
            });
        }
        if (access.may(personId, Part.INSTRUMENT_RESPONSES, AccessKind.READ)) {
            var responses = explorations.responses(personId);
            Set<String> used = new java.util.LinkedHashSet<>();
            responses.forEach(r -> used.add(r.instrument() + "|" + r.instrumentVersion()));
            for (String key : used) {
                String[] iv = key.split("\\|");
                Instrument i = instrument(iv[0], iv[1]);
                if (i != null) {
                    add(bundle, base, FhirMapping.questionnaire(i));
                }
            }
            responses.forEach(r -> add(bundle, base, FhirMapping.questionnaireResponse(r, instrument(r.instrument(), r.instrumentVersion()))));
        }
        observations(personId).forEach(r -> add(bundle, base, r));
        if (access.may(personId, Part.CONSENTS, AccessKind.READ)) {
            consents(personId).forEach(r -> add(bundle, base, r));
        }
        if (access.may(personId, Part.AUDIT_LOG, AccessKind.READ)) {
            List<AuditLog.Entry> entries = auditLog.whoLooked(personId, AUDIT_LIMIT);
            entries.forEach(e -> add(bundle, base, FhirMapping.auditEvent(personId, e)));
            entries.stream().filter(e -> "WRITE".equals(e.action()))
                    .forEach(e -> add(bundle, base, FhirMapping.provenance(personId, e)));
        }
        if (access.may(personId, Part.PLAN, AccessKind.READ)) {
            signOff(personId).ifPresent(r -> add(bundle, base, r));
        }
        return bundle;
    }

    private Instrument instrument(String id, String version) {
        try {
            return explorations.instrument(id, version);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static void add(Bundle bundle, String base, Resource r) {
        bundle.addEntry().setFullUrl(base + "/" + r.fhirType() + "/" + r.getIdElement().getIdPart()).setResource(r);
    }
}
