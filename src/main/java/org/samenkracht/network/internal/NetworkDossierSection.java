package org.samenkracht.network.internal;

import org.samenkracht.network.NetworkLoadPolicy;
import org.samenkracht.person.DossierSection;
import org.samenkracht.privacy.Part;
import org.springframework.stereotype.Component;


/** The network card: the current members with the load warnings they raise, read with the rest of the dossier. */
@Component
class NetworkDossierSection implements DossierSection {

    private final NetworkStore store;

    NetworkDossierSection(NetworkStore store) {
        this.store = store;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String template() {
        return "network/card";
    }

    @Override
    public Part part() {
        return Part.NETWORK;
    }

    @Override
    public String json() {
        return NetworkStore.MEMBERS_JSON;
    }

    @Override
    public Object data(String text) {
        return text == null ? null : NetworkLoadPolicy.assessAll(store.members(text));
    }
}
