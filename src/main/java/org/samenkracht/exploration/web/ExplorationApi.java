package org.samenkracht.exploration.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.exploration.Explorations;
import org.samenkracht.exploration.Instrument;
import org.samenkracht.exploration.ResponseView;
import org.samenkracht.exploration.SaveResponse;
import org.samenkracht.exploration.Wish;
import org.samenkracht.exploration.Wishes;
import org.samenkracht.exploration.internal.ProgressCharts;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@Tag(name = "Exploration", description = "Instruments defined as data, responses over time, and the person's wishes in order")
class ExplorationApi {

    /** One step up (-1, more important) or down (1), as the arrows on the wishes page. */
    record WishMove(@NotNull(message = "{validation.required}") Integer direction) {
    }

    /** The answers to an instrument started from its form: the version read, and whether it is complete. */
    record FillIn(@jakarta.validation.constraints.NotBlank(message = "{validation.required}")
                  @jakarta.validation.constraints.Size(max = 20, message = "{validation.tooLong}") String instrumentVersion,
                  Map<String, String> answers, boolean complete) {
    }

    record WishOrder(@NotNull(message = "{validation.required}") List<UUID> order) {
    }

    private final Explorations explorations;
    private final Wishes wishes;
    private final ProgressCharts charts;

    ExplorationApi(Explorations explorations, Wishes wishes, ProgressCharts charts) {
        this.explorations = explorations;
        this.wishes = wishes;
        this.charts = charts;
    }

    @GetMapping("/api/v1/persons/{id}/progress")
    @Operation(summary = "The change over time: radar, trend per domain and self-reliance bars, each as SVG and as a table")
    ProgressCharts.Overview progress(@PathVariable UUID id) {
        return charts.build(explorations.responses(id), LocaleContextHolder.getLocale());
    }

    @GetMapping("/api/v1/instruments")
    @Operation(summary = "The newest version of every instrument, with Dutch and English labels")
    List<Instrument> instruments() {
        return explorations.instruments();
    }

    @GetMapping("/api/v1/instruments/{id}/{version}")
    @Operation(summary = "One instrument version; an unknown version answers 422")
    Instrument instrument(@PathVariable String id, @PathVariable String version) {
        return explorations.instrument(id, version);
    }

    @GetMapping("/api/v1/persons/{id}/responses")
    @Operation(summary = "All responses of the person: completed ones in time order, then drafts")
    List<ResponseView> responses(@PathVariable UUID id) {
        return explorations.responses(id);
    }

    @PostMapping("/api/v1/persons/{id}/responses")
    @Operation(summary = "Fill in an instrument: complete=false saves a draft (may be incomplete)")
    ResponseEntity<ResponseView> start(@PathVariable UUID id, @Valid @RequestBody SaveResponse body) {
        UUID rid = explorations.start(id, body);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + id + "/responses/" + rid))
                .body(explorations.response(id, rid));
    }

    @PostMapping("/api/v1/persons/{id}/exploration/fill/{instrument}")
    @Operation(summary = "Fill in an instrument, as its form does: the instrument in the path, the version read in the body; "
            + "complete=false saves a draft (may be incomplete); a person may fill in only self-reports (403 otherwise); "
            + "a wrong answer: 422 naming the question; answers the response created")
    ResponseEntity<ResponseView> fill(@PathVariable UUID id, @PathVariable String instrument, @Valid @RequestBody FillIn body) {
        if (instrument.length() > 60) {
            throw new NotFound("instrument");
        }
        UUID rid = explorations.start(id, new SaveResponse(instrument, body.instrumentVersion(), body.answers(), body.complete(), null));
        return ResponseEntity.created(URI.create("/api/v1/persons/" + id + "/responses/" + rid))
                .body(explorations.response(id, rid));
    }

    @GetMapping("/api/v1/persons/{id}/responses/{rid}")
    ResponseView response(@PathVariable UUID id, @PathVariable UUID rid) {
        return explorations.response(id, rid);
    }

    @PutMapping("/api/v1/persons/{id}/responses/{rid}")
    @Operation(summary = "Change a draft from the version read (409 if it changed); complete=true completes it")
    ResponseView update(@PathVariable UUID id, @PathVariable UUID rid, @Valid @RequestBody SaveResponse body) {
        explorations.update(id, rid, body);
        return explorations.response(id, rid);
    }

    @GetMapping("/api/v1/persons/{id}/wishes")
    @Operation(summary = "The person's wishes, most important first")
    List<Wish> wishes(@PathVariable UUID id) {
        return wishes.prioritised(id);
    }

    @PostMapping("/api/v1/persons/{id}/wishes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a wish at the end of the order")
    List<Wish> addWish(@PathVariable UUID id, @Valid @RequestBody Wishes.AddWish body) {
        wishes.add(id, body);
        return wishes.prioritised(id);
    }

    @PutMapping("/api/v1/persons/{id}/wishes/order")
    @Operation(summary = "Put the wishes in order: every wish id exactly once, most important first (422 otherwise)")
    List<Wish> reorder(@PathVariable UUID id, @Valid @RequestBody WishOrder body) {
        wishes.reorder(id, body.order());
        return wishes.prioritised(id);
    }

    @PostMapping("/api/v1/persons/{id}/wishes/{wishId}/move")
    @Operation(summary = "Move one wish a step: direction -1 up (more important), 1 down, as the arrows on the page; at the top "
            + "or bottom it stays; another direction: 422 naming direction; answers the wishes in their new order")
    List<Wish> move(@PathVariable UUID id, @PathVariable UUID wishId, @Valid @RequestBody WishMove body) {
        if (body.direction() != -1 && body.direction() != 1) {
            throw new RuleViolation("direction", "validation.choice");
        }
        wishes.move(id, wishId, body.direction());
        return wishes.prioritised(id);
    }
}
