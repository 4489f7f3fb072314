package org.samenkracht.community.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.samenkracht.community.Neighbourhood;
import org.samenkracht.community.NeighbourhoodCommands;
import org.samenkracht.community.PersonCommunity;
import org.samenkracht.community.Place;
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
@Tag(name = "Neighbourhood places", description = "Places and activities (kwartiermaken): sign-up, attendance, what people offer, the social map")
class PlaceApi {

    private final Neighbourhood neighbourhood;

    PlaceApi(Neighbourhood neighbourhood) {
        this.neighbourhood = neighbourhood;
    }

    @GetMapping("/community/places")
    @Operation(summary = "The places of the organisation with their activities (staff)")
    List<Place.Summary> list() {
        return neighbourhood.list();
    }

    @PostMapping("/community/places")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new place (coordinators)")
    Map<String, UUID> create(@Valid @RequestBody NeighbourhoodCommands.SavePlace body) {
        return Map.of("id", neighbourhood.create(body));
    }

    @GetMapping("/community/places/{pid}")
    @Operation(summary = "A place with its activities; who signed up or came only for people the caller may read")
    Place get(@PathVariable UUID pid) {
        return neighbourhood.get(pid);
    }

    @PutMapping("/community/places/{pid}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change a place (coordinators), with the version read; 409 when someone else changed it")
    void change(@PathVariable UUID pid, @Valid @RequestBody NeighbourhoodCommands.SavePlace body) {
        neighbourhood.change(pid, body);
    }

    @PostMapping("/community/places/{pid}/activities")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A new activity at the place (coordinators)")
    Map<String, UUID> addActivity(@PathVariable UUID pid, @Valid @RequestBody NeighbourhoodCommands.AddActivity body) {
        return Map.of("id", neighbourhood.addActivity(pid, body));
    }

    @PostMapping("/community/activities/{aid}/publish")
    @Operation(summary = "Publish the activity to the social map, or bring its offer up to date (administrators)")
    Map<String, UUID> publish(@PathVariable UUID aid) {
        return Map.of("offerId", neighbourhood.publish(aid));
    }

    @PostMapping("/persons/{id}/community/signups")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The person signs up for an activity (themselves or their team); with goalId a step of their plan and a place in their ecogram")
    void signUp(@PathVariable UUID id, @Valid @RequestBody NeighbourhoodCommands.SignUp body) {
        neighbourhood.signUp(id, body);
    }

    @PostMapping("/persons/{id}/community/signups/{aid}/sign-off")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The person signs off from an activity (themselves or their team): the plan step it became ends, the place leaves the ecogram")
    void signOff(@PathVariable UUID id, @PathVariable UUID aid) {
        neighbourhood.signOff(id, aid);
    }

    @PostMapping("/persons/{id}/community/attendance")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The person came to an activity (themselves or their team)")
    void attend(@PathVariable UUID id, @Valid @RequestBody NeighbourhoodCommands.RecordAttendance body) {
        neighbourhood.attend(id, body);
    }

    @GetMapping("/persons/{id}/community/neighbourhood")
    @Operation(summary = "The activities a person takes part in and what they offer others")
    PersonCommunity ofPerson(@PathVariable UUID id) {
        return neighbourhood.ofPerson(id);
    }

    @PostMapping("/persons/{id}/community/offers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "What the person offers others; shown at the place without a name, only with consent")
    Map<String, UUID> offer(@PathVariable UUID id, @Valid @RequestBody NeighbourhoodCommands.OfferStrength body) {
        return Map.of("id", neighbourhood.offer(id, body));
    }

    @PostMapping("/persons/{id}/community/offers/{oid}/withdraw")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The person takes an offer back")
    void withdraw(@PathVariable UUID id, @PathVariable UUID oid) {
        neighbourhood.withdraw(id, oid);
    }
}
