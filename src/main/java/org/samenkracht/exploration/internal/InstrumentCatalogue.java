package org.samenkracht.exploration.internal;

import org.samenkracht.exploration.Instrument;
import org.samenkracht.exploration.InvalidInstrumentDefinition;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All instrument definitions under {@code classpath:instruments/}, loaded and validated once at
 * start-up. A definition that does not validate stops the application (the message names the file
 * and the fault), so no one fills in a broken instrument.
 */
@Component
public class InstrumentCatalogue {

    public static final String LOCATION = "classpath*:instruments/*.json";

    private final Map<String, Instrument> byKey = new LinkedHashMap<>();

    public InstrumentCatalogue() throws IOException {
        this(new PathMatchingResourcePatternResolver().getResources(LOCATION));
    }

    InstrumentCatalogue(Resource[] resources) throws IOException {
        List<Resource> sorted = java.util.Arrays.stream(resources)
                .sorted(Comparator.comparing(Resource::getFilename)).toList();
        for (Resource r : sorted) {
            String file = "instruments/" + r.getFilename();
            Instrument instrument = InstrumentParser.parse(file, r.getContentAsString(StandardCharsets.UTF_8));
            if (byKey.putIfAbsent(instrument.key(), instrument) != null) {
                throw new InvalidInstrumentDefinition(file, "instrument " + instrument.key() + " is defined twice");
            }
        }
        if (byKey.isEmpty()) {
            throw new InvalidInstrumentDefinition("instruments/", "no instrument definitions found");
        }
    }

    public Optional<Instrument> find(String id, String version) {
        return Optional.ofNullable(byKey.get(id + "@" + version));
    }

    /** The newest version of each instrument. */
    public List<Instrument> current() {
        Map<String, Instrument> newest = new LinkedHashMap<>();
        byKey.values().forEach(i -> newest.merge(i.id(), i, (a, b) -> compare(a.version(), b.version()) >= 0 ? a : b));
        return List.copyOf(newest.values());
    }

    public Optional<Instrument> current(String id) {
        return current().stream().filter(i -> i.id().equals(id)).findFirst();
    }

    private static int compare(String a, String b) {
        try {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
