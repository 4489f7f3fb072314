package org.samenkracht.insights.internal;

import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.Role;
import org.samenkracht.insights.Insights;
import org.samenkracht.network.AddNetworkMember;
import org.samenkracht.network.Network;
import org.samenkracht.network.NetworkMember;
import org.samenkracht.network.ReportLoad;
import org.samenkracht.person.Persons;
import org.samenkracht.person.RegisterPerson;
import org.samenkracht.vocabulary.Layer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.samenkracht.common.demo.DemoIds.ORGANISATION;
import static org.samenkracht.common.demo.DemoIds.PASSWORD;

/**
 * The demo municipality's figures: Fatima Bakker, a fictional policy maker (account {@code fatima}); the CBS-style
 * codes of Lindenhoven's neighbourhoods (fictional municipality code GM9999); and anonymous-looking volume, made
 * only through the other modules' APIs by a fictional professional of the volume team: people in three larger
 * neighbourhoods and three in the small Kastanjebuurt, some with network members and load reports. Then one refresh.
 */
@Component
@Order(90)
@ConditionalOnProperty(name = "samenkracht.demo.enabled", havingValue = "true")
class InsightsDemoData implements ApplicationRunner {

    static final UUID POLICY_FATIMA = UUID.fromString("00000000-0000-4000-8000-000000000221");
    static final UUID VOLUME_PROFESSIONAL = UUID.fromString("00000000-0000-4000-8000-000000000222");

    private static final Logger log = LoggerFactory.getLogger(InsightsDemoData.class);

    private final Accounts accounts;
    private final Persons persons;
    private final Network network;
    private final InsightsStore store;
    private final Insights insights;

    InsightsDemoData(Accounts accounts, Persons persons, Network network, InsightsStore store, Insights insights) {
        this.accounts = accounts;
        this.persons = persons;
        this.network = network;
        this.store = store;
        this.insights = insights;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.exists(POLICY_FATIMA)) {
            return;
        }
        long start = System.nanoTime();
        accounts.create(new Accounts.NewAccount(POLICY_FATIMA, ORGANISATION, "fatima", PASSWORD, "Fatima Bakker",
                Role.POLICY_ANALYST, null));
        accounts.create(new Accounts.NewAccount(VOLUME_PROFESSIONAL, ORGANISATION, "volume.lindenhoven", PASSWORD,
                "Volumeteam Lindenhoven", Role.PROFESSIONAL, null));
        store.ensureArea(ORGANISATION, "Lindenhoven-Noord", "BU99990101", "WK999901", "Noord", "GM9999", "Lindenhoven");
        store.ensureArea(ORGANISATION, "Kastanjebuurt", "BU99990102", "WK999901", "Noord", "GM9999", "Lindenhoven");
        store.ensureArea(ORGANISATION, "Lindenhoven-Zuid", "BU99990201", "WK999902", "Zuid", "GM9999", "Lindenhoven");
        store.ensureArea(ORGANISATION, "Beukenwijk", "BU99990202", "WK999902", "Zuid", "GM9999", "Lindenhoven");
        Random random = new Random(22);
        int[] sizes = {36, 3, 36, 30};
        String[] names = {"Lindenhoven-Noord", "Kastanjebuurt", "Lindenhoven-Zuid", "Beukenwijk"};
        accounts.onBehalfOf(VOLUME_PROFESSIONAL, () -> {
            int k = 0;
            for (int a = 0; a < names.length; a++) {
                for (int i = 0; i < sizes[a]; i++) {
                    k++;
                    UUID id = persons.register(new RegisterPerson("Deelnemer", String.format("%03d", k), null, null, null,
                            null, names[a], "", ""));
                    int members = random.nextInt(a == 2 ? 3 : 6);
                    for (int m = 0; m < members; m++) {
                        UUID member = network.add(id, new AddNetworkMember("Netwerklid " + (m + 1),
                                NetworkMember.Relation.values()[random.nextInt(4)], m < 3 ? Layer.NETWORK : Layer.VOLUNTEER, Set.of()));
                        if (random.nextInt(3) == 0) {
                            int burden = 1 + random.nextInt(5);
                            network.reportLoad(id, member, new ReportLoad(LocalDate.now(), BigDecimal.valueOf(1 + random.nextInt(8)),
                                    null, 3, burden));
                        }
                    }
                }
            }
        });
        insights.refresh(ORGANISATION, POLICY_FATIMA, "START", null);
        log.info("insights demo data in {} ms", (System.nanoTime() - start) / 1_000_000);
    }
}
