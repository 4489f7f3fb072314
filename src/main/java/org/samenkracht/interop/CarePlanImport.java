package org.samenkracht.interop;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.samenkracht.exploration.Wishes;
import org.samenkracht.identity.Accounts;
import org.samenkracht.network.AddNetworkMember;
import org.samenkracht.network.Network;
import org.samenkracht.network.NetworkMember;
import org.samenkracht.person.PersonView;
import org.samenkracht.person.Persons;
import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import org.samenkracht.plan.PlanCommands;
import org.samenkracht.plan.PlanView;
import org.samenkracht.plan.Plans;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Imports a CarePlan bundle (goals in the person's own words, activities per actor) into the person's
 * draft plan. Everything is read and checked first; one rejected element and nothing is written, with
 * every rejection named by its FHIR path. Otherwise one transaction adds the goals (each starts from a
 * wish, as in the app), the network members the steps need, the steps and the inside-out answers, all
 * through the modules' API classes (so the access gate and audit apply).
 */
@Service
public class CarePlanImport {

    /** The outcome: what was added, or every element refused (then nothing was added). */
    public record Result(int goals, int steps, int networkMembersAdded, List<Rejection> rejections) {
        public boolean applied() {
            return rejections.isEmpty();
        }
    }

    /** A refused element: its FHIR path and why. */
    public record Rejection(String expression, String reason) {
    }

    private final Persons persons;
    private final Network network;
    private final Plans plans;
    private final Wishes wishes;
    private final Accounts accounts;
    private final PersonAccess access;
    private final FhirContext fhir = FhirContext.forR4Cached();

    CarePlanImport(Persons persons, Network network, Plans plans, Wishes wishes, Accounts accounts, PersonAccess access) {
        this.access = access;
        this.persons = persons;
        this.network = network;
        this.plans = plans;
        this.wishes = wishes;
        this.accounts = accounts;
    }

    /** Parses strictly: an unknown element, a wrong type or a malformed value is a rejection naming it. */
    public Optional<Bundle> parse(String body, List<Rejection> rejections) {
        if (body == null || body.isBlank()) {
            rejections.add(new Rejection("Bundle", "empty body"));
            return Optional.empty();
        }
        IParser parser = body.stripLeading().startsWith("<") ? fhir.newXmlParser() : fhir.newJsonParser();
        parser.setParserErrorHandler(new Collecting(rejections));
        try {
            var resource = parser.parseResource(body);
            if (!(resource instanceof Bundle bundle)) {
                rejections.add(new Rejection(resource.fhirType(), "a Bundle with one CarePlan is expected"));
                return Optional.empty();
            }
            return rejections.isEmpty() ? Optional.of(bundle) : Optional.empty();
        } catch (DataFormatException e) {
            rejections.add(new Rejection("Bundle", e.getMessage()));
            return Optional.empty();
        }
    }

    @Transactional
    public Result importBundle(UUID personId, String body) {
        List<Rejection> rejections = new ArrayList<>();
        PersonView person = persons.get(personId);
        access.require(personId, Part.PLAN, AccessKind.WRITE);
        Optional<Bundle> parsed = parse(body, rejections);
        if (parsed.isEmpty()) {
            return new Result(0, 0, 0, rejections);
        }
        Bundle bundle = parsed.get();
        List<CarePlan> carePlans = new ArrayList<>();
        Map<String, Goal> goals = new LinkedHashMap<>();
        Map<String, RelatedPerson> related = new HashMap<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Resource r = bundle.getEntry().get(i).getResource();
            if (r == null) {
                rejections.add(new Rejection("Bundle.entry[" + i + "]", "entry without a resource"));
                continue;
            }
            String id = r.getIdElement().getIdPart();
            // Patient, Organization, Questionnaire … travel along in an export; they are not imported.
            if (r instanceof CarePlan c) {
                carePlans.add(c);
            } else if (r instanceof Goal g) {
                goals.put(id, g);
            } else if (r instanceof RelatedPerson rp) {
                related.put(id, rp);
            }
        }
        if (carePlans.size() != 1) {
            rejections.add(new Rejection("Bundle.entry", "exactly one CarePlan expected, found " + carePlans.size()));
            return new Result(0, 0, 0, rejections);
        }
        CarePlan carePlan = carePlans.get(0);
        List<NetworkMember> members = network.members(personId);
        List<Accounts.Account> colleagues = accounts.professionals(person.organisationId());

        // 1. Check everything.
        record GoalIn(String ref, Goal goal, PlanCommands.AddGoal command, Map<Layer, String> answers) {
        }
        record StepIn(String goalRef, String description, String taker, UUID memberId, String newMemberKey,
                      UUID professionalId, String provider, Intensity intensity, String ownPart) {
        }
        List<GoalIn> goalsIn = new ArrayList<>();
        for (int gi = 0; gi < carePlan.getGoal().size(); gi++) {
            String ref = refId(carePlan.getGoal().get(gi), "Goal");
            Goal goal = ref == null ? null : goals.get(ref);
            String path = "CarePlan.goal[" + gi + "]";
            if (goal == null) {
                rejections.add(new Rejection(path, "refers to no Goal in this bundle"));
                continue;
            }
            String words = goal.getDescription().getText();
            String gpath = "Goal/" + ref;
            if (words == null || words.isBlank()) {
                rejections.add(new Rejection(gpath + ".description.text", "the goal in the person's own words is missing"));
                continue;
            }
            if (words.length() > 1000) {
                rejections.add(new Rejection(gpath + ".description.text", "longer than 1000 characters"));
                continue;
            }
            String intended = goal.getTarget().stream().filter(t -> t.getDetail() instanceof StringType)
                    .map(t -> ((StringType) t.getDetail()).getValue()).findFirst().orElse(words);
            String term = goal.getExtensionsByUrl(FhirMapping.EXT_TERM).stream().map(e -> e.getValue().primitiveValue())
                    .findFirst().orElse("SHORT");
            if (!term.equals("SHORT") && !term.equals("LONG")) {
                rejections.add(new Rejection(gpath + ".extension(goal-term)", "SHORT or LONG expected"));
                continue;
            }
            List<org.samenkracht.vocabulary.LifeDomain> domains = new ArrayList<>();
            for (int ci = 0; ci < goal.getCategory().size(); ci++) {
                String code = goal.getCategory().get(ci).getCodingFirstRep().getCode();
                try {
                    domains.add(org.samenkracht.vocabulary.LifeDomain.valueOf(code));
                } catch (IllegalArgumentException | NullPointerException e) {
                    rejections.add(new Rejection(gpath + ".category[" + ci + "]", "unknown life domain " + code));
                }
            }
            Map<Layer, String> answers = new java.util.EnumMap<>(Layer.class);
            for (Extension answer : goal.getExtensionsByUrl(FhirMapping.EXT_INSIDE_OUT)) {
                Extension layer = answer.getExtensionByUrl("layer");
                Extension text = answer.getExtensionByUrl("answer");
                try {
                    answers.put(Layer.valueOf(layer.getValue().primitiveValue()), text.getValue().primitiveValue());
                } catch (RuntimeException e) {
                    rejections.add(new Rejection(gpath + ".extension(inside-out-answer)", "layer and answer expected"));
                }
            }
            String meaning = goal.getNote().isEmpty() ? null : goal.getNoteFirstRep().getText();
            String reachedWhen = goal.getOutcomeCode().isEmpty() ? null : goal.getOutcomeCodeFirstRep().getText();
            goalsIn.add(new GoalIn(ref, goal, new PlanCommands.AddGoal(UUID.randomUUID(), words, meaning,
                    intended.length() > 2000 ? intended.substring(0, 2000) : intended, term, reachedWhen, domains, 0),
                    answers));
        }
        List<StepIn> stepsIn = new ArrayList<>();
        Map<String, RelatedPerson> toAdd = new LinkedHashMap<>();
        for (int ai = 0; ai < carePlan.getActivity().size(); ai++) {
            String path = "CarePlan.activity[" + ai + "]";
            var activity = carePlan.getActivity().get(ai);
            if (activity.hasReference()) {
                rejections.add(new Rejection(path + ".reference", "only activities with a detail are imported"));
                continue;
            }
            var detail = activity.getDetail();
            String description = detail.getDescription();
            if (description == null || description.isBlank()) {
                rejections.add(new Rejection(path + ".detail.description", "the step's description is missing"));
                continue;
            }
            if (description.length() > 2000) {
                rejections.add(new Rejection(path + ".detail.description", "longer than 2000 characters"));
                continue;
            }
            String goalRef = detail.getGoal().isEmpty() ? null : refId(detail.getGoalFirstRep(), "Goal");
            if (goalRef == null || goalsIn.stream().noneMatch(g -> g.ref().equals(goalRef))) {
                rejections.add(new Rejection(path + ".detail.goal", "refers to no goal of this CarePlan"));
                continue;
            }
            if (detail.getPerformer().size() != 1) {
                rejections.add(new Rejection(path + ".detail.performer", "exactly one performer expected"));
                continue;
            }
            Reference performer = detail.getPerformerFirstRep();
            String taker = detail.getExtensionsByUrl(FhirMapping.EXT_TAKER).stream()
                    .map(e -> e.getValue().primitiveValue()).findFirst().orElse(null);
            Intensity intensity = null;
            var intensityExt = detail.getExtensionByUrl(FhirMapping.EXT_INTENSITY);
            if (intensityExt != null) {
                try {
                    intensity = Intensity.valueOf(intensityExt.getValue().primitiveValue());
                } catch (RuntimeException e) {
                    rejections.add(new Rejection(path + ".detail.extension(intensity)", "STEUN, ZORG or OVERNAME expected"));
                    continue;
                }
            }
            var ownPartExt = detail.getExtensionByUrl(FhirMapping.EXT_OWN_PART);
            String ownPart = ownPartExt == null ? null : ownPartExt.getValue().primitiveValue();
            String ref = performer.getReference();
            if (ref != null && ref.startsWith("Patient/")) {
                stepsIn.add(new StepIn(goalRef, description, "PERSON", null, null, null, null, intensity, ownPart));
            } else if (ref != null && ref.startsWith("RelatedPerson/")) {
                String rid = ref.substring("RelatedPerson/".length());
                Optional<NetworkMember> known = members.stream()
                        .filter(m -> m.id().toString().equals(rid) || m.name().equalsIgnoreCase(nameOf(related.get(rid), performer)))
                        .findFirst();
                if (known.isPresent()) {
                    stepsIn.add(new StepIn(goalRef, description, "NETWORK", known.get().id(), null, null, null, intensity, ownPart));
                } else if (related.containsKey(rid) && nameOf(related.get(rid), performer) != null) {
                    toAdd.put(rid, related.get(rid));
                    stepsIn.add(new StepIn(goalRef, description, "NETWORK", null, rid, null, null, intensity, ownPart));
                } else {
                    rejections.add(new Rejection(path + ".detail.performer", "RelatedPerson " + rid
                            + " is neither in this person's network nor in the bundle"));
                }
            } else if ("PROFESSIONAL".equals(taker) || ref != null && ref.startsWith("Practitioner/")) {
                String name = performer.getDisplay();
                Optional<Accounts.Account> colleague = colleagues.stream()
                        .filter(a -> a.displayName().equalsIgnoreCase(name == null ? "" : name.trim())).findFirst();
                if (colleague.isEmpty()) {
                    rejections.add(new Rejection(path + ".detail.performer", "professional " + name
                            + " has no account in this organisation"));
                    continue;
                }
                stepsIn.add(new StepIn(goalRef, description, "PROFESSIONAL", null, null, colleague.get().id(), null, intensity, ownPart));
            } else if (performer.getDisplay() != null && !performer.getDisplay().isBlank()
                    && (taker == null || "GENERAL_FACILITY".equals(taker))) {
                stepsIn.add(new StepIn(goalRef, description, "GENERAL_FACILITY", null, null, null,
                        performer.getDisplay().trim(), intensity, ownPart));
            } else {
                rejections.add(new Rejection(path + ".detail.performer", "who takes this step is not clear"));
            }
        }
        Map<String, NetworkMember.Relation> relations = new HashMap<>();
        Map<String, Layer> layers = new HashMap<>();
        for (var e : toAdd.entrySet()) {
            RelatedPerson rp = e.getValue();
            String code = rp.getRelationshipFirstRep().getCodingFirstRep().getCode();
            relations.put(e.getKey(), parse(NetworkMember.Relation.class, code).orElse(NetworkMember.Relation.OTHER));
            var layerExt = rp.getExtensionByUrl(FhirMapping.EXT_LAYER);
            layers.put(e.getKey(), parse(Layer.class, layerExt == null ? null : layerExt.getValue().primitiveValue())
                    .orElse(Layer.NETWORK));
        }
        if (!rejections.isEmpty()) {
            return new Result(0, 0, 0, rejections);
        }

        // 2. Apply, all in this transaction.
        plans.start(personId);
        Map<String, UUID> added = new HashMap<>();
        for (var e : toAdd.entrySet()) {
            added.put(e.getKey(), network.add(personId, new AddNetworkMember(nameOf(e.getValue(), null),
                    relations.get(e.getKey()), layers.get(e.getKey()), Set.of())));
        }
        Map<String, UUID> goalIds = new HashMap<>();
        for (GoalIn g : goalsIn) {
            UUID wish = wishes.add(personId, new Wishes.AddWish(g.command().ownWords(), "CONVERSATION"));
            var c = g.command();
            goalIds.put(g.ref(), plans.addGoal(personId, new PlanCommands.AddGoal(wish, c.ownWords(), c.meaning(),
                    c.intendedResult(), c.term(), c.reachedWhen(), c.domains(), version(personId))));
        }
        for (StepIn s : stepsIn) {
            UUID member = s.memberId() != null ? s.memberId() : s.newMemberKey() == null ? null : added.get(s.newMemberKey());
            plans.addStep(personId, new PlanCommands.AddStep(goalIds.get(s.goalRef()), s.description(), s.taker(), member,
                    s.professionalId(), s.provider(), s.intensity(), s.ownPart(), null, version(personId)));
        }
        for (GoalIn g : goalsIn) {
            for (var a : g.answers().entrySet()) {
                if (a.getKey() != Layer.INDIVIDUAL_PROFESSIONAL) {
                    plans.answerLayer(personId, new PlanCommands.AnswerLayer(goalIds.get(g.ref()), a.getKey(), a.getValue(),
                            version(personId)));
                }
            }
        }
        return new Result(goalsIn.size(), stepsIn.size(), added.size(), List.of());
    }

    private int version(UUID personId) {
        return plans.current(personId).map(PlanView::version).orElse(0);
    }

    private static String nameOf(RelatedPerson rp, Reference performer) {
        if (rp != null && rp.hasName() && rp.getNameFirstRep().getText() != null) {
            return rp.getNameFirstRep().getText();
        }
        if (rp != null && rp.hasName()) {
            return rp.getNameFirstRep().getNameAsSingleString();
        }
        return performer == null ? null : performer.getDisplay();
    }

    private static String refId(Reference ref, String type) {
        String r = ref.getReference();
        if (r == null) {
            return null;
        }
        int at = r.lastIndexOf(type + "/");
        return at < 0 ? null : r.substring(at + type.length() + 1).split("/")[0];
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String code) {
        if (code == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, code.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The outcome as FHIR: one issue per refused element, with its path as the expression. */
    public static OperationOutcome outcome(Result result) {
        OperationOutcome o = new OperationOutcome();
        if (result.applied()) {
            o.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION).setCode(OperationOutcome.IssueType.INFORMATIONAL)
                    .setDiagnostics("Imported " + result.goals() + " goals and " + result.steps() + " steps into the draft plan; "
                            + result.networkMembersAdded() + " network members added.");
        }
        for (Rejection r : result.rejections()) {
            o.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(OperationOutcome.IssueType.INVALID)
                    .setDiagnostics(r.reason()).addExpression(r.expression());
        }
        return o;
    }

    /** Collects the parser's complaints instead of guessing or throwing on the first. */
    private static final class Collecting extends ca.uhn.fhir.parser.ErrorHandlerAdapter {
        private final List<Rejection> rejections;

        Collecting(List<Rejection> rejections) {
            this.rejections = rejections;
        }

        @Override
        public void invalidInternalReference(IParseLocation l, String reference) {
            rejections.add(new Rejection(path(l), "reference to a contained resource that is not there: " + reference));
        }

        @Override
        public void containedResourceWithNoId(IParseLocation l) {
            rejections.add(new Rejection(path(l), "contained resource without an id"));
        }

        @Override
        public void incorrectJsonType(IParseLocation l, String name, ValueType expected, ScalarType expectedScalar,
                                      ValueType found, ScalarType foundScalar) {
            rejections.add(new Rejection(path(l) + "." + name, "expected " + expected + " but found " + found));
        }

        @Override
        public void invalidValue(IParseLocation l, String value, String error) {
            rejections.add(new Rejection(path(l), "invalid value '" + value + "': " + error));
        }

        @Override
        public void missingRequiredElement(IParseLocation l, String name) {
            rejections.add(new Rejection(path(l) + "." + name, "required element missing"));
        }

        @Override
        public void unexpectedRepeatingElement(IParseLocation l, String name) {
            rejections.add(new Rejection(path(l) + "." + name, "element does not repeat"));
        }

        @Override
        public void unknownAttribute(IParseLocation l, String name) {
            rejections.add(new Rejection(path(l) + "." + name, "unknown attribute"));
        }

        @Override
        public void unknownElement(IParseLocation l, String name) {
            rejections.add(new Rejection(path(l) + "." + name, "unknown element"));
        }

        @Override
        public void unknownReference(IParseLocation l, String reference) {
            rejections.add(new Rejection(path(l), "unknown reference " + reference));
        }

        @Override
        public void extensionContainsValueAndNestedExtensions(IParseLocation l) {
            rejections.add(new Rejection(path(l), "extension has both a value and nested extensions"));
        }

        private static String path(IParseLocation l) {
            return l == null || l.getParentElementName() == null ? "Bundle" : l.toString();
        }
    }
}
