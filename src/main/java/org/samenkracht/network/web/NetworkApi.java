package org.samenkracht.network.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.network.AddNetworkMember;
import org.samenkracht.network.Addition;
import org.samenkracht.network.MemberEntry;
import org.samenkracht.network.MemberProfile;
import org.samenkracht.network.Network;
import org.samenkracht.network.NetworkHistory;
import org.samenkracht.network.NetworkMember;
import org.samenkracht.network.NetworkMemberRemoved.TaskHandling;
import org.samenkracht.network.NetworkQualities;
import org.samenkracht.network.Removal;
import org.samenkracht.network.ReportLoad;
import org.samenkracht.network.SaveMember;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Network", description = "The person's support system: members, load, qualities, history")
class NetworkApi {

    private final Network network;

    NetworkApi(Network network) {
        this.network = network;
    }

    @GetMapping("/persons/{personId}/network-members")
    List<NetworkMember> members(@PathVariable UUID personId) {
        return network.members(personId);
    }

    @GetMapping("/persons/{personId}/network-members/{memberId}")
    NetworkMember member(@PathVariable UUID personId, @PathVariable UUID memberId) {
        return network.member(personId, memberId).orElseThrow(() -> new NotFound("network member"));
    }

    @PostMapping("/persons/{personId}/network-members")
    ResponseEntity<NetworkMember> add(@PathVariable UUID personId, @Valid @RequestBody AddNetworkMember body) {
        UUID id = network.add(personId, body);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/network-members/" + id))
                .body(network.member(personId, id).orElseThrow());
    }

    @Operation(summary = "Members with support given and received, contact, closeness, load and warnings")
    @GetMapping("/persons/{personId}/network/profiles")
    List<MemberProfile> profiles(@PathVariable UUID personId) {
        return network.profiles(personId);
    }

    @Operation(summary = "Add a member; 409 with the possible duplicates unless evenIfDuplicate")
    @PostMapping("/persons/{personId}/network/profiles")
    ResponseEntity<Object> addProfile(@PathVariable UUID personId, @Valid @RequestBody SaveMember body,
                                      @RequestParam(defaultValue = "false") boolean evenIfDuplicate) {
        Addition result = network.add(personId, body, evenIfDuplicate);
        if (result instanceof Addition.PossibleDuplicate d) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("possibleDuplicates", d.candidates()));
        }
        UUID id = ((Addition.Added) result).id();
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/network/profiles/" + id))
                .body(network.profile(personId, id).orElseThrow());
    }

    @PutMapping("/persons/{personId}/network/profiles/{memberId}")
    MemberProfile change(@PathVariable UUID personId, @PathVariable UUID memberId, @Valid @RequestBody SaveMember body) {
        network.change(personId, memberId, body);
        return network.profile(personId, memberId).orElseThrow();
    }

    @Operation(summary = "Remove a member; 409 with their tasks when they carry tasks and no handling is given")
    @DeleteMapping("/persons/{personId}/network/profiles/{memberId}")
    ResponseEntity<Object> remove(@PathVariable UUID personId, @PathVariable UUID memberId,
                                  @RequestParam(required = false) TaskHandling tasks,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since) {
        Removal removal = network.remove(personId, memberId, tasks, since);
        if (removal instanceof Removal.TasksNeedDecision d) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("tasks", d.tasks(),
                    "decide", List.of(TaskHandling.REDIVIDE, TaskHandling.END)));
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/persons/{personId}/network/merge")
    MemberProfile merge(@PathVariable UUID personId, @RequestParam UUID kept, @RequestParam UUID merged) {
        network.merge(personId, kept, merged);
        return network.profile(personId, kept).orElseThrow();
    }

    @PostMapping("/persons/{personId}/network/profiles/{memberId}/load")
    MemberProfile reportLoad(@PathVariable UUID personId, @PathVariable UUID memberId, @Valid @RequestBody ReportLoad body) {
        network.reportLoad(personId, memberId, body);
        return network.profile(personId, memberId).orElseThrow();
    }

    @GetMapping("/persons/{personId}/network/qualities")
    NetworkQualities qualities(@PathVariable UUID personId) {
        return network.qualities(personId);
    }

    @GetMapping("/persons/{personId}/network/duplicates")
    List<List<MemberProfile>> duplicates(@PathVariable UUID personId) {
        return network.duplicates(personId);
    }

    @Operation(summary = "The network at the end of a day and every change since")
    @GetMapping("/persons/{personId}/network/history")
    NetworkHistory history(@PathVariable UUID personId,
                           @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        return network.history(personId, on);
    }

    @Operation(summary = "A network member's own entries, tasks and load")
    @GetMapping("/network/mine")
    List<MemberEntry> mine() {
        return network.mine();
    }

    @PostMapping("/network/mine/{memberId}/load")
    ResponseEntity<Void> reportOwnLoad(@PathVariable UUID memberId, @Valid @RequestBody ReportLoad body) {
        network.reportOwnLoad(memberId, body);
        return ResponseEntity.noContent().build();
    }
}
