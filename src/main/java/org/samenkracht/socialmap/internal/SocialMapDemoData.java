package org.samenkracht.socialmap.internal;

import org.samenkracht.identity.Accounts;
import org.samenkracht.socialmap.OfferImports;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.samenkracht.common.demo.DemoIds.ADMIN_AHMED;
import static org.samenkracht.common.demo.DemoIds.ORGANISATION;

/**
 * The fictional social map of Lindenhoven: its neighbourhoods with coordinates and some forty offers
 * across the layers, loaded through the ordinary CSV import by the demo administrator. Idempotent:
 * places are upserted and the offers are imported only into an empty map.
 */
@Component
@Order(60)
@ConditionalOnProperty(name = "samenkracht.demo.enabled", havingValue = "true")
class SocialMapDemoData implements ApplicationRunner {

    private final OfferStore offers;
    private final OfferImports imports;
    private final Accounts accounts;

    SocialMapDemoData(OfferStore offers, OfferImports imports, Accounts accounts) {
        this.offers = offers;
        this.imports = imports;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        String places = new ClassPathResource("socialmap/places.csv").getContentAsString(StandardCharsets.UTF_8);
        // the places file is CSV too: read by commons-csv like the offers (a name may be quoted and hold a comma)
        try (var parser = org.apache.commons.csv.CSVParser.parse(places, org.apache.commons.csv.CSVFormat.RFC4180)) {
            for (var p : parser) {
                if (p.size() == 3) {
                    offers.place(ORGANISATION, p.get(0).trim(), Double.parseDouble(p.get(1).trim()), Double.parseDouble(p.get(2).trim()));
                }
            }
        }
        byte[] csv = new ClassPathResource("socialmap/lindenhoven.csv").getContentAsByteArray();
        // a restart finds what it made; only when the demo file has grown is it imported again (unchanged rows
        // are recognised by their content hash and left alone)
        java.util.List<String> keys = OfferFiles.readCsv(csv).stream().map(r -> r.fields().get("external_key")).toList();
        if (offers.countKeys(ORGANISATION, keys) == keys.size()) {
            return;
        }
        accounts.onBehalfOf(ADMIN_AHMED, () -> imports.importNow("lindenhoven.csv", OfferImports.Format.CSV, csv));
    }
}
