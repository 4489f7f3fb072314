package org.samenkracht.signals;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dutch postcodes: four digits (not starting with 0) and two letters; in a written address, and as a range of digits. */
public final class Postcodes {

    private Postcodes() {
    }

    private static final Pattern IN_ADDRESS = Pattern.compile("(?<![0-9])([1-9][0-9]{3}) ?([A-Za-z]{2})(?![A-Za-z])");
    private static final Pattern RANGE = Pattern.compile("\\s*([1-9][0-9]{3})\\s*(?:-\\s*([1-9][0-9]{3})\\s*)?");

    /** The four digits of the postcode in an address ("Dorpsstraat 8, 7522 AB Lindenhoven": 7522); the last one wins. */
    public static Optional<Integer> digitsIn(String address) {
        if (address == null) {
            return Optional.empty();
        }
        Matcher m = IN_ADDRESS.matcher(address);
        Integer found = null;
        while (m.find()) {
            found = Integer.parseInt(m.group(1));
        }
        return Optional.ofNullable(found);
    }

    /** "7511" or "7512-7514" as {from, to}; empty when it is neither or the range runs backwards. */
    public static Optional<int[]> range(String text) {
        if (text == null || text.length() > 30) {
            return Optional.empty();
        }
        Matcher m = RANGE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        return from <= to ? Optional.of(new int[]{from, to}) : Optional.empty();
    }

    public static String format(int from, int to) {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }
}
