package org.samenkracht.common.time;

import java.time.ZoneId;
import java.util.TimeZone;

/**
 * One time zone, Europe/Amsterdam, everywhere a person reads a time: pages (Thymeleaf's
 * {@code #temporals} formats an Instant in the JVM's zone), PDFs, "today" in rules and defaults.
 * The application makes it the JVM's zone before anything reads the clock.
 */
public final class AmsterdamTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private AmsterdamTime() {
    }

    /** Makes Europe/Amsterdam the JVM's default zone (idempotent). */
    public static void useEverywhere() {
        if (!TimeZone.getDefault().getID().equals(ZONE.getId())) {
            TimeZone.setDefault(TimeZone.getTimeZone(ZONE));
        }
    }
}
