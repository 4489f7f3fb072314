package org.samenkracht.community.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.samenkracht.community.BuddyMatching;
import org.samenkracht.community.BuddyRequest;
import org.samenkracht.community.CommunityCommands;
import org.samenkracht.community.NetworkFirstPolicy;
import org.samenkracht.community.Volunteer;
import org.samenkracht.community.Volunteers;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Community", description = "Volunteers and their backing, buddy matches that start from the person's network")
class CommunityApi {

    private final Volunteers volunteers;
    private final BuddyMatching matching;

    private final org.samenkracht.community.MatchEffects effects;
    private final org.samenkracht.community.SupportGroups groups;

    CommunityApi(Volunteers volunteers, BuddyMatching matching, org.samenkracht.community.MatchEffects effects,
                 org.samenkracht.community.SupportGroups groups) {
        this.groups = groups;
        this.effects = effects;
        this.volunteers = volunteers;
        this.matching = matching;
    }

    // ---- volunteers (coordinators and administrators) ----

    @GetMapping("/community/volunteers")
    List<Volunteer> volunteers() {
        return volunteers.list();
    }

    @PostMapping("/community/volunteers")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> register(@Valid @RequestBody CommunityCommands.SaveVolunteer body) {
        return Map.of("id", volunteers.register(body));
    }

    @GetMapping("/community/volunteers/{vid}")
    Volunteers.Detail volunteer(@PathVariable UUID vid) {
        return volunteers.get(vid);
    }

    @PutMapping("/community/volunteers/{vid}")
    void change(@PathVariable UUID vid, @Valid @RequestBody CommunityCommands.SaveVolunteer body) {
        volunteers.change(vid, body);
    }

    @PostMapping("/community/volunteers/{vid}/screening")
    void screening(@PathVariable UUID vid, @Valid @RequestBody CommunityCommands.RecordScreening body) {
        volunteers.recordScreening(vid, body);
    }

    @PostMapping("/community/volunteers/{vid}/hours")
    void hours(@PathVariable UUID vid, @Valid @RequestBody CommunityCommands.LogHours body) {
        volunteers.logHours(vid, body);
    }

    @PostMapping("/community/volunteers/{vid}/recognition")
    void recognise(@PathVariable UUID vid, @Valid @RequestBody CommunityCommands.Recognise body) {
        volunteers.recognise(vid, body);
    }

    @Operation(summary = "A volunteer stops: their open matches go back on the coordinator's list")
    @PostMapping("/community/volunteers/{vid}/stop")
    void stop(@PathVariable UUID vid, @Valid @RequestBody CommunityCommands.StopVolunteer body) {
        volunteers.stop(vid, body);
    }

    @Operation(summary = "A training the volunteer followed: course, date, who gave it (coordinators)")
    @PostMapping("/community/volunteers/{vid}/training")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void training(@PathVariable UUID vid, @Valid @RequestBody CommunityCommands.RecordTraining body) {
        volunteers.recordTraining(vid, body);
    }

    @Operation(summary = "Answer a volunteer's feedback (coordinators), with the version read; 409 when someone else answered first")
    @PostMapping("/community/volunteers/{vid}/feedback/{fid}/reply")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reply(@PathVariable UUID vid, @PathVariable UUID fid, @Valid @RequestBody CommunityCommands.ReplyToFeedback body) {
        volunteers.replyToFeedback(vid, fid, body);
    }

    // ---- a volunteer's own ----

    @Operation(summary = "A volunteer's own profile, hours and matches (the shared goal and practical details only)")
    @GetMapping("/community/mine")
    Volunteers.Mine mine() {
        return volunteers.mine();
    }

    @PostMapping("/community/mine/hours")
    void ownHours(@Valid @RequestBody CommunityCommands.LogHours body) {
        volunteers.logHours(null, body);
    }

    @PostMapping("/community/mine/load")
    void ownLoad(@Valid @RequestBody CommunityCommands.ReportLoad body) {
        volunteers.reportOwnLoad(body);
    }

    @PostMapping("/community/mine/matches/{mid}/answer")
    void volunteerAnswer(@PathVariable UUID mid, @Valid @RequestBody CommunityCommands.Answer body) {
        matching.answerAsVolunteer(mid, body, volunteers);
    }

    @Operation(summary = "The volunteer's own feedback on their work or one of their own matches")
    @PostMapping("/community/mine/feedback")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> feedback(@Valid @RequestBody CommunityCommands.GiveFeedback body) {
        return Map.of("id", volunteers.giveFeedback(body));
    }

    @PostMapping("/community/mine/stop")
    void ownStop(@Valid @RequestBody CommunityCommands.StopVolunteer body) {
        volunteers.stop(null, body);
    }

    // ---- the person's support groups ----

    @Operation(summary = "The support groups a person is in now")
    @GetMapping("/persons/{id}/community/groups")
    List<org.samenkracht.community.SupportGroup.Summary> groupsOf(@PathVariable UUID id) {
        return groups.groupsOf(id);
    }

    @Operation(summary = "The person leaves a support group (themselves, their team or the group's coach); the coach's grant on the group ends")
    @PostMapping("/persons/{id}/community/groups/{gid}/leave")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void leaveGroup(@PathVariable UUID id, @PathVariable UUID gid) {
        groups.leave(gid, id);
    }

    // ---- buddy requests and matches ----

    @Operation(summary = "The coordinator's open requests (new, or come back after a decline, rematch or a volunteer who stopped)")
    @GetMapping("/community/requests")
    List<BuddyRequest> worklist() {
        return matching.worklist();
    }

    @GetMapping("/persons/{id}/community/requests")
    List<BuddyRequest> requestsOf(@PathVariable UUID id) {
        return matching.requestsOf(id);
    }

    @Operation(summary = "Request a volunteer (from a plan step at the volunteer layer, or from a professional)")
    @PostMapping("/persons/{id}/community/requests")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> request(@PathVariable UUID id, @Valid @RequestBody CommunityCommands.RequestBuddy body) {
        return Map.of("id", matching.request(id, body));
    }

    @GetMapping("/community/requests/{rid}")
    BuddyRequest get(@PathVariable UUID rid) {
        return matching.get(rid);
    }

    @GetMapping("/community/requests/{rid}/effects")
    @Operation(summary = "Per started match the person's own instruments (quality of life, self-reliance) before the start and since; empty for a caller who may not read the answers")
    List<org.samenkracht.community.MatchEffects.Effect> effects(@PathVariable UUID rid) {
        return effects.of(rid);
    }

    @Operation(summary = "Who in the person's own network could do it without overload, and who not now")
    @GetMapping("/community/requests/{rid}/network-check")
    NetworkFirstPolicy.Check networkCheck(@PathVariable UUID rid) {
        return matching.networkCheck(rid);
    }

    @PostMapping("/community/requests/{rid}/network-check")
    void recordNetworkCheck(@PathVariable UUID rid, @Valid @RequestBody CommunityCommands.RecordNetworkCheck body) {
        matching.recordNetworkCheck(rid, body);
    }

    @PostMapping("/community/requests/{rid}/home-visit")
    void homeVisit(@PathVariable UUID rid, @Valid @RequestBody CommunityCommands.RecordHomeVisit body) {
        matching.recordHomeVisit(rid, body);
    }

    @Operation(summary = "Suggested volunteers with reasons; never an unscreened or overloaded one. Network and home visit first.")
    @GetMapping("/community/requests/{rid}/suggestions")
    BuddyMatching.Suggestions suggestions(@PathVariable UUID rid) {
        return matching.suggestions(rid);
    }

    @PostMapping("/community/requests/{rid}/matches")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> propose(@PathVariable UUID rid, @Valid @RequestBody CommunityCommands.ProposeMatch body) {
        return Map.of("id", matching.propose(rid, body));
    }

    @PostMapping("/community/matches/{mid}/person-answer")
    void personAnswer(@PathVariable UUID mid, @Valid @RequestBody CommunityCommands.Answer body) {
        matching.answerAsPerson(mid, body);
    }

    @Operation(summary = "The four-week check, a supervision contact, or the follow-up asking the person")
    @PostMapping("/community/matches/{mid}/contacts")
    void contact(@PathVariable UUID mid, @Valid @RequestBody CommunityCommands.RecordContact body) {
        matching.recordContact(mid, body);
    }

    @PostMapping("/community/matches/{mid}/rematch")
    void rematch(@PathVariable UUID mid) {
        matching.rematch(mid);
    }

    @PostMapping("/community/matches/{mid}/complete")
    void complete(@PathVariable UUID mid) {
        matching.complete(mid);
    }
}
