package org.samenkracht.deliberation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.samenkracht.deliberation.Sessions;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@Tag(name = "Coaching and intervision", description = "Sessions with timeboxed rounds, pseudonymous cases, lessons, moral burden")
class SessionApi {

    private final Sessions sessions;

    SessionApi(Sessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping("/api/v1/sessions")
    @Operation(summary = "Sessions the user took part in (a coach: all of the organisation)")
    List<Sessions.SessionView> list() {
        return sessions.list();
    }

    @PostMapping("/api/v1/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan a session; the case is pseudonymous (a name from the caseload is refused, 422)")
    Map<String, UUID> create(@Valid @RequestBody Sessions.NewSession body) {
        return Map.of("id", sessions.create(body));
    }

    @GetMapping("/api/v1/sessions/burden")
    @Operation(summary = "Moral burden over time: one's own, or everyone's for a coach")
    List<Sessions.BurdenPoint> burden() {
        return sessions.burdenOverTime();
    }

    @GetMapping("/api/v1/sessions/lessons")
    @Operation(summary = "The lessons kept from closed sessions")
    List<Sessions.Lesson> lessons() {
        return sessions.lessons();
    }

    @GetMapping("/api/v1/sessions/{sid}")
    @Operation(summary = "One session with its rounds and participants")
    Sessions.SessionView get(@PathVariable UUID sid) {
        return sessions.get(sid);
    }

    @PostMapping("/api/v1/sessions/{sid}/rounds")
    @Operation(summary = "Record a round in order; in the intervision question round advice is refused (422)")
    Sessions.SessionView round(@PathVariable UUID sid, @Valid @RequestBody Sessions.RecordRound body) {
        sessions.recordRound(sid, body);
        return sessions.get(sid);
    }

    @PostMapping("/api/v1/sessions/{sid}/close")
    @Operation(summary = "Close the session, keeping its lessons")
    Sessions.SessionView close(@PathVariable UUID sid, @Valid @RequestBody Sessions.Close body) {
        sessions.close(sid, body);
        return sessions.get(sid);
    }

    @PostMapping("/api/v1/sessions/{sid}/burden")
    @Operation(summary = "A participant records their own moral burden (0–10)")
    Sessions.SessionView burden(@PathVariable UUID sid, @Valid @RequestBody Sessions.Burden body) {
        sessions.recordBurden(sid, body);
        return sessions.get(sid);
    }
}
