package org.samenkracht.network.internal;

import org.samenkracht.network.Network;
import org.samenkracht.person.DossierSection;
import org.springframework.stereotype.Component;

import java.util.UUID;

@Component
class NetworkDossierSection implements DossierSection {

    private final Network network;

    NetworkDossierSection(Network network) {
        this.network = network;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String template() {
        return "network/section :: section";
    }

    @Override
    public Object data(UUID personId) {
        return network.profiles(personId);
    }
}
