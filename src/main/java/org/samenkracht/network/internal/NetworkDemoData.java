package org.samenkracht.network.internal;

import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.Role;
import org.samenkracht.network.Addition;
import org.samenkracht.network.MemberProfile;
import org.samenkracht.network.MemberProfile.ContactFrequency;
import org.samenkracht.network.Network;
import org.samenkracht.network.NetworkMember.Layer;
import org.samenkracht.network.NetworkMember.Relation;
import org.samenkracht.network.NetworkMember.SupportKind;
import org.samenkracht.network.ReportLoad;
import org.samenkracht.network.SaveMember;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import static org.samenkracht.common.demo.DemoIds.*;

/**
 * Jonas's network as in the seed's worked example: neighbour Ria, friend Kevin, sister Lotte, home
 * care and the community centre, drawn by Sanne half a year ago. Two months ago Kevin got too busy
 * (a new job) and now only listens; a month and a half ago Jonas himself added Daan from his
 * football team, who took over the company and the lifts. Ria does more and more and reports it
 * is getting heavy (a load warning); Lotte has a hard year of her own, so Jonas does not want to
 * burden her. Kevin has an account as a network member and reports his own load.
 */
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
        if (!accounts.exists(ACCOUNT_KEVIN_NETWORK)) {
            accounts.create(new Accounts.NewAccount(ACCOUNT_KEVIN_NETWORK, ORGANISATION, "kevin", PASSWORD,
                    "Kevin Smits", Role.NETWORK_MEMBER, null));
        }
        LocalDate today = LocalDate.now(Network.ZONE);
        LocalDate start = today.minusDays(180);
        UUID[] ids = new UUID[3];
        accounts.onBehalfOf(PROFESSIONAL_SANNE, () -> {
            if (!network.members(PERSON_JONAS).isEmpty()) {
                return;
            }
            ids[0] = add(new SaveMember("Ria (buurvrouw)", Relation.NEIGHBOUR, Layer.NATURAL,
                    Set.of(SupportKind.PRACTICAL, SupportKind.COMPANY), Set.of(SupportKind.COMPANY), true,
                    "06-00000001 (fictief)", ContactFrequency.DAILY, 4, false, false, null, start, null));
            ids[1] = add(new SaveMember("Kevin (vriend)", Relation.FRIEND, Layer.NATURAL,
                    Set.of(SupportKind.COMPANY, SupportKind.PRACTICAL, SupportKind.EMOTIONAL),
                    Set.of(SupportKind.COMPANY, SupportKind.EMOTIONAL), false, null, ContactFrequency.WEEKLY, 5,
                    false, false, null, start, null));
            add(new SaveMember("Lotte (zus)", Relation.FAMILY, Layer.NATURAL, Set.of(SupportKind.EMOTIONAL, SupportKind.ADVICE),
                    Set.of(SupportKind.EMOTIONAL), false, null, ContactFrequency.MONTHLY, 4, false, true,
                    "Lotte heeft zelf een zwaar jaar.", start, null));
            add(new SaveMember("Thuiszorg De Linde", Relation.SERVICE, Layer.PROFESSIONAL, Set.of(SupportKind.PRACTICAL),
                    Set.of(), false, null, ContactFrequency.WEEKLY, 2, false, false, null, start, null));
            add(new SaveMember("Buurthuis De Kroon", Relation.SERVICE, Layer.COMMUNITY, Set.of(SupportKind.COMPANY),
                    Set.of(SupportKind.PRACTICAL), false, null, ContactFrequency.WEEKLY, 3, false, false, null, start, null));

            // Kevin got a new job and became too busy: from then on he only listens now and then.
            MemberProfile kevin = network.profile(PERSON_JONAS, ids[1]).orElseThrow();
            network.change(PERSON_JONAS, ids[1], new SaveMember(kevin.name(), kevin.relation(), kevin.layer(),
                    Set.of(SupportKind.EMOTIONAL), Set.of(SupportKind.EMOTIONAL), false, null, ContactFrequency.MONTHLY, 3,
                    false, false, null, today.minusDays(60), kevin.version()));
            network.linkAccount(PERSON_JONAS, ids[1], ACCOUNT_KEVIN_NETWORK);

            network.reportLoad(PERSON_JONAS, ids[0], new ReportLoad(today.minusDays(90), new BigDecimal("4"),
                    "Boodschappen, samen koffie", 4, 2));
            network.reportLoad(PERSON_JONAS, ids[0], new ReportLoad(today.minusDays(14), new BigDecimal("9"),
                    "Boodschappen, koken, naar de huisarts rijden", 3, 4));
        });
        if (ids[0] == null) {
            return;
        }
        // Jonas draws his football teammate in himself.
        accounts.onBehalfOf(ACCOUNT_JONAS, () -> add(new SaveMember("Daan (voetbalteam)", Relation.FRIEND, Layer.NATURAL,
                Set.of(SupportKind.COMPANY, SupportKind.PRACTICAL), Set.of(SupportKind.COMPANY), false, null,
                ContactFrequency.WEEKLY, 4, false, false, null, today.minusDays(45), null)));
        // Kevin tells how it is for him, from his own account.
        accounts.onBehalfOf(ACCOUNT_KEVIN_NETWORK, () -> network.reportOwnLoad(ids[1],
                new ReportLoad(today.minusDays(30), new BigDecimal("1"), "Af en toe bellen", 2, 2)));
    }

    private UUID add(SaveMember member) {
        return ((Addition.Added) network.add(PERSON_JONAS, member, true)).id();
    }
}
