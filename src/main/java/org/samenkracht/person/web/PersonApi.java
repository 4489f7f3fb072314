package org.samenkracht.person.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.samenkracht.person.FourQuestions;
import org.samenkracht.person.PersonView;
import org.samenkracht.person.Dossier;
import org.samenkracht.person.Dossiers;
import org.samenkracht.person.Persons;
import org.samenkracht.person.RegisterPerson;
import org.samenkracht.person.UpdatePerson;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/persons")
@Tag(name = "Persons", description = "The person's file: details and the four questions in their own words")
class PersonApi {

    private final Persons persons;
    private final Dossiers dossiers;

    PersonApi(Persons persons, Dossiers dossiers) {
        this.persons = persons;
        this.dossiers = dossiers;
    }

    @GetMapping
    @Operation(summary = "The current user's caseload")
    List<PersonView> caseload() {
        return persons.caseload();
    }

    @PostMapping
    @Operation(summary = "Register a person (the registering professional joins the care team)")
    ResponseEntity<PersonView> register(@Valid @RequestBody RegisterPerson body) {
        UUID id = persons.register(body);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + id)).body(persons.get(id));
    }

    @GetMapping("/{id}")
    PersonView get(@PathVariable UUID id) {
        return persons.get(id);
    }

    @GetMapping("/{id}/dossier")
    @Operation(summary = "The dossier page's read model: the person, the four questions, the care team and every card the reader may read")
    Dossier dossier(@PathVariable UUID id) {
        return dossiers.read(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change details; send the version you read, a changed version answers 409")
    PersonView update(@PathVariable UUID id, @Valid @RequestBody UpdatePerson body) {
        persons.update(id, body);
        return persons.get(id);
    }

    @GetMapping("/{id}/four-questions")
    @Operation(summary = "All versions of the four questions, newest first")
    List<FourQuestions.Version> fourQuestions(@PathVariable UUID id) {
        return persons.fourQuestionsHistory(id);
    }

    @PostMapping("/{id}/four-questions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record the four questions as a new version")
    Map<String, Integer> answer(@PathVariable UUID id, @Valid @RequestBody FourQuestions.Answers body) {
        return Map.of("versionNo", persons.answerFourQuestions(id, body));
    }
}
