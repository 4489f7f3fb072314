package org.samenkracht.person.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.samenkracht.person.Conversations;
import org.samenkracht.person.Logbook;
import org.samenkracht.person.OwnStory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@RestController
@Tag(name = "Dialogue", description = "The person's own story, conversations with their dual-agreed report, and the logbook")
class DialogueApi {

    private final OwnStory story;
    private final Conversations conversations;
    private final Logbook logbook;

    DialogueApi(OwnStory story, Conversations conversations, Logbook logbook) {
        this.story = story;
        this.conversations = conversations;
        this.logbook = logbook;
    }

    @GetMapping("/api/v1/persons/{id}/story")
    @Operation(summary = "The own story: the person's entries (OWN) and others' contributions (CONTRIBUTION)")
    List<OwnStory.Entry> story(@PathVariable UUID id) {
        return story.entries(id);
    }

    @PostMapping("/api/v1/persons/{id}/story")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add to the story; the person's own text is OWN, anyone else's a separate CONTRIBUTION")
    OwnStory.Entry addToStory(@PathVariable UUID id, @Valid @RequestBody OwnStory.Write body) {
        UUID entryId = story.add(id, body);
        return story.entries(id).stream().filter(e -> e.id().equals(entryId)).findFirst().orElseThrow();
    }

    @PutMapping("/api/v1/persons/{id}/story/{entryId}")
    @Operation(summary = "Edit an entry (its author only); send the version read, a changed one answers 409")
    void editStory(@PathVariable UUID id, @PathVariable UUID entryId, @Valid @RequestBody OwnStory.Edit body) {
        story.edit(id, entryId, body);
    }

    @GetMapping("/api/v1/persons/{id}/conversations")
    @Operation(summary = "Conversations with the person and their reports, newest first")
    List<Conversations.View> conversations(@PathVariable UUID id) {
        return conversations.all(id);
    }

    @PostMapping("/api/v1/persons/{id}/conversations")
    @Operation(summary = "Record a conversation along the five phases, with its report")
    ResponseEntity<Conversations.View> hold(@PathVariable UUID id, @Valid @RequestBody Conversations.Record body) {
        UUID cid = conversations.hold(id, body);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + id + "/conversations/" + cid))
                .body(conversations.get(id, cid));
    }

    @GetMapping("/api/v1/persons/{id}/conversations/{cid}")
    Conversations.View conversation(@PathVariable UUID id, @PathVariable UUID cid) {
        return conversations.get(id, cid);
    }

    @PutMapping("/api/v1/persons/{id}/conversations/{cid}")
    @Operation(summary = "Change notes and report from the version read (409 if changed); both must agree again")
    Conversations.View change(@PathVariable UUID id, @PathVariable UUID cid, @Valid @RequestBody Conversations.Record body) {
        conversations.change(id, cid, body);
        return conversations.get(id, cid);
    }

    @PostMapping("/api/v1/persons/{id}/conversations/{cid}/agreement")
    @Operation(summary = "Agree to the report version read: the person for themself, a professional for the team")
    Conversations.View agree(@PathVariable UUID id, @PathVariable UUID cid, @Valid @RequestBody Conversations.Agree body) {
        conversations.agree(id, cid, body.version());
        return conversations.get(id, cid);
    }

    @PostMapping("/api/v1/persons/{id}/conversations/{cid}/remarks")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a remark to the report (the person or the team)")
    Conversations.View remark(@PathVariable UUID id, @PathVariable UUID cid, @Valid @RequestBody Conversations.RemarkText body) {
        conversations.remark(id, cid, body);
        return conversations.get(id, cid);
    }

    @GetMapping("/api/v1/persons/{id}/logbook")
    @Operation(summary = "The person's logbook, newest first; q searches it (Dutch full-text)")
    List<Logbook.Entry> logbook(@PathVariable UUID id, @RequestParam(required = false) String q) {
        return logbook.entries(id, q);
    }

    @PostMapping("/api/v1/persons/{id}/logbook")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a short logbook entry (contact moment, phone call, home visit…)")
    java.util.Map<String, UUID> addToLogbook(@PathVariable UUID id, @Valid @RequestBody Logbook.NewEntry body) {
        return java.util.Map.of("id", logbook.add(id, body));
    }

    @GetMapping("/api/v1/logbook")
    @Operation(summary = "Search the logbooks of the current user's caseload (Dutch full-text), newest first")
    List<Logbook.Entry> search(@RequestParam String q) {
        return logbook.search(q);
    }
}
