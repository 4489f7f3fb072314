package org.samenkracht.interop.web;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import jakarta.servlet.http.HttpServletRequest;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.interop.CarePlanImport;
import org.samenkracht.interop.FhirReads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * FHIR R4 over REST: reads and searches by person, a person's whole export ({@code $everything}) and
 * the import of a CarePlan bundle ({@code $import-careplan}). JSON by default, XML when asked. Errors
 * are OperationOutcomes naming what went wrong, never a stack trace.
 */
@RestController
@RequestMapping("/fhir")
class FhirController {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json;charset=UTF-8");
    static final MediaType FHIR_XML = MediaType.parseMediaType("application/fhir+xml;charset=UTF-8");
    static final FhirContext FHIR = FhirContext.forR4Cached();

    private final FhirReads reads;
    private final CarePlanImport imports;

    FhirController(FhirReads reads, CarePlanImport imports) {
        this.reads = reads;
        this.imports = imports;
    }

    @GetMapping("/metadata")
    ResponseEntity<String> metadata(HttpServletRequest request) {
        CapabilityStatement cs = new CapabilityStatement();
        cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
        cs.setDate(new Date());
        cs.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        cs.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        cs.addFormat("json");
        cs.addFormat("xml");
        cs.getSoftware().setName("Samenkracht");
        cs.getImplementation().setDescription("Samenkracht FHIR R4 (eLTSS-shaped person-centred plan)").setUrl(base(request));
        var rest = cs.addRest().setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.getSecurity().setDescription("Session or HTTP Basic for people; Bearer API tokens for machine clients.");
        for (String type : List.of("Patient", "RelatedPerson", "CareTeam", "CarePlan", "Goal", "QuestionnaireResponse",
                "Observation", "Consent", "AuditEvent", "Provenance")) {
            var r = rest.addResource().setType(type);
            if (type.equals("Patient")) {
                r.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.READ);
                r.addSearchParam().setName("_id").setType(Enumerations.SearchParamType.TOKEN);
                r.addOperation().setName("everything").setDefinition("http://hl7.org/fhir/OperationDefinition/Patient-everything");
                r.addOperation().setName("import-careplan").setDefinition("https://samenkracht.org/fhir/OperationDefinition/import-careplan");
            } else {
                r.addSearchParam().setName("patient").setType(Enumerations.SearchParamType.REFERENCE);
            }
            r.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
        }
        var q = rest.addResource().setType("Questionnaire");
        q.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
        for (String type : List.of("HealthcareService", "Organization", "Location")) {
            var r = rest.addResource().setType(type);
            r.addInteraction().setCode(CapabilityStatement.TypeRestfulInteraction.SEARCHTYPE);
            r.addSearchParam().setName("name").setType(Enumerations.SearchParamType.STRING);
        }
        return respond(request, cs, HttpStatus.OK);
    }

    @GetMapping("/Patient/{id}")
    ResponseEntity<String> patient(@PathVariable UUID id, HttpServletRequest request) {
        return respond(request, reads.patient(id), HttpStatus.OK);
    }

    @GetMapping("/Patient")
    ResponseEntity<String> patients(@RequestParam("_id") UUID id, HttpServletRequest request) {
        return searchset(request, List.of(reads.patient(id)));
    }

    @GetMapping("/Patient/{id}/$everything")
    ResponseEntity<String> everything(@PathVariable UUID id, HttpServletRequest request) {
        return respond(request, reads.everything(id, base(request)), HttpStatus.OK);
    }

    @PostMapping("/Patient/{id}/$import-careplan")
    ResponseEntity<String> importCarePlan(@PathVariable UUID id, @RequestBody(required = false) String body,
                                          HttpServletRequest request) {
        CarePlanImport.Result result = imports.importBundle(id, body);
        return respond(request, CarePlanImport.outcome(result),
                result.applied() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @GetMapping("/RelatedPerson")
    ResponseEntity<String> relatedPersons(@RequestParam UUID patient, HttpServletRequest request) {
        return searchset(request, reads.relatedPersons(patient));
    }

    @GetMapping("/CareTeam")
    ResponseEntity<String> careTeams(@RequestParam UUID patient, HttpServletRequest request) {
        return searchset(request, reads.careTeams(patient));
    }

    @GetMapping("/CarePlan")
    ResponseEntity<String> carePlans(@RequestParam UUID patient, HttpServletRequest request) {
        return searchset(request, reads.carePlans(patient));
    }

    @GetMapping("/Goal")
    ResponseEntity<String> goals(@RequestParam UUID patient, HttpServletRequest request) {
        return searchset(request, reads.goals(patient));
    }

    @GetMapping("/Questionnaire")
    ResponseEntity<String> questionnaires(HttpServletRequest request) {
        return searchset(request, reads.questionnaires());
    }

    @GetMapping("/QuestionnaireResponse")
    ResponseEntity<String> questionnaireResponses(@RequestParam UUID patient, HttpServletRequest request) {
        return searchset(request, reads.questionnaireResponses(patient));
    }

    @GetMapping("/Observation")
    ResponseEntity<String> observations(@RequestParam UUID patient, HttpServletRequest request) {
        return searchset(request, reads.observations(patient));
    }

    @GetMapping("/Consent")
    ResponseEntity<String> consents(@RequestParam UUID patient, HttpServletRequest request) {
        return searchset(request, reads.consents(patient));
    }

    @GetMapping("/AuditEvent")
    ResponseEntity<String> auditEvents(@RequestParam UUID patient, HttpServletRequest request) {
        return searchset(request, reads.auditEvents(patient));
    }

    @GetMapping("/Provenance")
    ResponseEntity<String> provenances(@RequestParam UUID patient, HttpServletRequest request) {
        return searchset(request, reads.provenances(patient));
    }

    @GetMapping({"/HealthcareService", "/Organization", "/Location"})
    ResponseEntity<String> socialMap(@RequestParam(defaultValue = "") String name, HttpServletRequest request) {
        String type = request.getRequestURI().substring(request.getRequestURI().lastIndexOf('/') + 1);
        if (name.length() > 200) {
            throw new RuleViolation("name", "validation.tooLong");
        }
        return searchset(request, reads.healthcareServices(name, !type.equals("HealthcareService")).stream()
                .filter(r -> r.fhirType().equals(type)).toList());
    }

    @GetMapping("/HealthcareService/{id}")
    ResponseEntity<String> healthcareService(@PathVariable UUID id, HttpServletRequest request) {
        return respond(request, reads.healthcareService(id), HttpStatus.OK);
    }

    private ResponseEntity<String> searchset(HttpServletRequest request, List<? extends Resource> resources) {
        Bundle bundle = new Bundle();
        bundle.setType(Bundle.BundleType.SEARCHSET);
        bundle.setTotal(resources.size());
        String base = base(request);
        for (Resource r : resources) {
            bundle.addEntry().setFullUrl(base + "/" + r.fhirType() + "/" + r.getIdElement().getIdPart()).setResource(r)
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return respond(request, bundle, HttpStatus.OK);
    }

    static String base(HttpServletRequest request) {
        return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath() + "/fhir";
    }

    static ResponseEntity<String> respond(HttpServletRequest request, IBaseResource resource, HttpStatus status) {
        boolean xml = wantsXml(request);
        String body = (xml ? FHIR.newXmlParser() : FHIR.newJsonParser()).encodeResourceToString(resource);
        return ResponseEntity.status(status).contentType(xml ? FHIR_XML : FHIR_JSON).body(body);
    }

    private static boolean wantsXml(HttpServletRequest request) {
        String format = request.getParameter("_format");
        String accept = request.getHeader("Accept");
        return format != null ? format.contains("xml") : accept != null && accept.contains("xml") && !accept.contains("json");
    }

    // Errors of /fhir as OperationOutcome, in FHIR's own format: handlers in the controller come before the generic advice.
    private static final Logger log = LoggerFactory.getLogger(FhirController.class);

        @ExceptionHandler(AccessRefused.class)
        ResponseEntity<String> refused(AccessRefused e, HttpServletRequest request) {
            return outcome(request, HttpStatus.FORBIDDEN, OperationOutcome.IssueType.FORBIDDEN, e.reasonKey(), null);
        }

        @ExceptionHandler(NotFound.class)
        ResponseEntity<String> notFound(NotFound e, HttpServletRequest request) {
            return outcome(request, HttpStatus.NOT_FOUND, OperationOutcome.IssueType.NOTFOUND, e.getMessage(), null);
        }

        @ExceptionHandler(RuleViolation.class)
        ResponseEntity<String> rule(RuleViolation e, HttpServletRequest request) {
            return outcome(request, HttpStatus.UNPROCESSABLE_CONTENT, OperationOutcome.IssueType.INVALID, e.messageKey(), e.field());
        }

        @ExceptionHandler(OptimisticLockingFailureException.class)
        ResponseEntity<String> conflict(OptimisticLockingFailureException e, HttpServletRequest request) {
            return outcome(request, HttpStatus.CONFLICT, OperationOutcome.IssueType.CONFLICT, "changed meanwhile; read again", null);
        }

        @ExceptionHandler({MethodArgumentTypeMismatchException.class})
        ResponseEntity<String> badParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
            return outcome(request, HttpStatus.BAD_REQUEST, OperationOutcome.IssueType.INVALID,
                    "not a valid id: " + e.getValue(), e.getName());
        }

        @ExceptionHandler(MissingServletRequestParameterException.class)
        ResponseEntity<String> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
            return outcome(request, HttpStatus.BAD_REQUEST, OperationOutcome.IssueType.REQUIRED,
                    "search parameter missing", e.getParameterName());
        }

        @ExceptionHandler(DataFormatException.class)
        ResponseEntity<String> format(DataFormatException e, HttpServletRequest request) {
            return outcome(request, HttpStatus.BAD_REQUEST, OperationOutcome.IssueType.STRUCTURE, e.getMessage(), null);
        }

        @ExceptionHandler(org.springframework.web.server.ResponseStatusException.class)
        ResponseEntity<String> status(org.springframework.web.server.ResponseStatusException e, HttpServletRequest request) {
            return outcome(request, HttpStatus.valueOf(e.getStatusCode().value()), OperationOutcome.IssueType.PROCESSING,
                    e.getReason(), null);
        }

        @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
        ResponseEntity<String> refusedByDatabase(RuntimeException e, HttpServletRequest request) {
            return outcome(request, HttpStatus.UNPROCESSABLE_CONTENT, OperationOutcome.IssueType.INVALID,
                    "the data was refused by a rule of the database", null);
        }

        private static ResponseEntity<String> outcome(HttpServletRequest request, HttpStatus status,
                                                      OperationOutcome.IssueType type, String diagnostics, String expression) {
            OperationOutcome o = new OperationOutcome();
            var issue = o.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(diagnostics);
            if (expression != null) {
                issue.addExpression(expression);
            }
            if (status.is5xxServerError()) {
                log.warn("FHIR request failed: {}", diagnostics);
            }
            return respond(request, o, status);
        }
}
