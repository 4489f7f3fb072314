package org.samenkracht.network;

import org.samenkracht.vocabulary.Layer;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.Set;

public record AddNetworkMember(
        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String name,
        @NotNull(message = "{validation.required}") NetworkMember.Relation relation,
        @NotNull(message = "{validation.required}") Layer layer,
        Set<NetworkMember.SupportKind> supportKinds) {

    public static AddNetworkMember empty() {
        return new AddNetworkMember("", null, null, Set.of());
    }
}
