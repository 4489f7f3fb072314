package org.samenkracht.network.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.samenkracht.common.web.NotFound;
import org.samenkracht.network.AddNetworkMember;
import org.samenkracht.network.Network;
import org.samenkracht.network.NetworkMember;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/persons/{personId}/network-members")
@Tag(name = "Network", description = "The person's support system")
class NetworkApi {

    private final Network network;

    NetworkApi(Network network) {
        this.network = network;
    }

    @GetMapping
    List<NetworkMember> members(@PathVariable UUID personId) {
        return network.members(personId);
    }

    @GetMapping("/{memberId}")
    NetworkMember member(@PathVariable UUID personId, @PathVariable UUID memberId) {
        return network.member(personId, memberId).orElseThrow(() -> new NotFound("network member"));
    }

    @PostMapping
    ResponseEntity<NetworkMember> add(@PathVariable UUID personId, @Valid @RequestBody AddNetworkMember body) {
        UUID id = network.add(personId, body);
        return ResponseEntity.created(URI.create("/api/v1/persons/" + personId + "/network-members/" + id))
                .body(network.member(personId, id).orElseThrow());
    }
}
