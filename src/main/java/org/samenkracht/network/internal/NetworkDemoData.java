package org.samenkracht.network.internal;

import org.samenkracht.identity.Accounts;
import org.samenkracht.network.AddNetworkMember;
import org.samenkracht.network.Network;
import org.samenkracht.network.NetworkMember.Layer;
import org.samenkracht.network.NetworkMember.Relation;
import org.samenkracht.network.NetworkMember.SupportKind;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Set;

import static org.samenkracht.common.demo.DemoIds.*;

/** Jonas's network as in the seed's worked example: a neighbour, a friend, his sister, home care. */
@Component
@Order(30)
@ConditionalOnProperty(name = "samenkracht.demo.enabled", havingValue = "true")
class NetworkDemoData implements ApplicationRunner {

    private final Network network;
    private final Accounts accounts;

    NetworkDemoData(Network network, Accounts accounts) {
        this.network = network;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            if (!network.members(PERSON_JONAS).isEmpty()) {
                return;
            }
            network.add(PERSON_JONAS, new AddNetworkMember("Ria (buurvrouw)", Relation.NEIGHBOUR, Layer.NATURAL,
                    Set.of(SupportKind.PRACTICAL, SupportKind.COMPANY)));
            network.add(PERSON_JONAS, new AddNetworkMember("Kevin (vriend)", Relation.FRIEND, Layer.NATURAL,
                    Set.of(SupportKind.COMPANY, SupportKind.PRACTICAL, SupportKind.EMOTIONAL)));
            network.add(PERSON_JONAS, new AddNetworkMember("Lotte (zus)", Relation.FAMILY, Layer.NATURAL,
                    Set.of(SupportKind.EMOTIONAL, SupportKind.ADVICE)));
            network.add(PERSON_JONAS, new AddNetworkMember("Thuiszorg De Linde", Relation.SERVICE, Layer.PROFESSIONAL,
                    Set.of(SupportKind.PRACTICAL)));
            network.add(PERSON_JONAS, new AddNetworkMember("Buurthuis De Kroon", Relation.SERVICE, Layer.COMMUNITY,
                    Set.of(SupportKind.COMPANY)));
        });
    }
}
