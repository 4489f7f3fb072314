package org.samenkracht.community.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.samenkracht.community.SupportGroup;
import org.samenkracht.community.SupportGroupCommands;
import org.samenkracht.community.SupportGroups;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/community/groups")
@Tag(name = "Support groups", description = "Peer support groups: members, topics, meetings with progress per member present")
class SupportGroupApi {

    private final SupportGroups groups;

    SupportGroupApi(SupportGroups groups) {
        this.groups = groups;
    }

    @GetMapping
    @Operation(summary = "The groups of the organisation (coordinators) or the groups the caller leads")
    List<SupportGroup.Summary> list() {
        return groups.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a group (coordinators)")
    Map<String, UUID> create(@Valid @RequestBody SupportGroupCommands.CreateGroup body) {
        return Map.of("id", groups.create(body));
    }

    @GetMapping("/{gid}")
    @Operation(summary = "A group for its coach or a coordinator; only members the caller may read")
    SupportGroup get(@PathVariable UUID gid) {
        return groups.get(gid);
    }

    @PostMapping("/{gid}/members")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "A person joins (by a professional of their team); with goalId a step in their plan")
    void addMember(@PathVariable UUID gid, @Valid @RequestBody SupportGroupCommands.AddMember body) {
        groups.addMember(gid, body);
    }

    @PostMapping("/{gid}/topics")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "A topic the members chose (the coach)")
    void addTopic(@PathVariable UUID gid, @Valid @RequestBody SupportGroupCommands.AddTopic body) {
        groups.addTopic(gid, body);
    }

    @PostMapping("/{gid}/meetings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A meeting with progress per member present (the coach); notes about an absent member are refused")
    Map<String, UUID> meeting(@PathVariable UUID gid, @Valid @RequestBody SupportGroupCommands.RecordMeeting body) {
        return Map.of("id", groups.recordMeeting(gid, body));
    }
}
