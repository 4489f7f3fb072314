package org.samenkracht.deliberation;

import java.text.Normalizer;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Intervision works with pseudonyms: a case never carries the name of the person it is about. A text
 * leaks when one of the person's names (three letters or more) stands in it as a word, whatever the
 * case or accents.
 */
public final class Pseudonymity {

    private Pseudonymity() {
    }

    public static boolean leaks(String text, Collection<String> names) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String plain = fold(text);
        for (String name : names) {
            if (name == null) {
                continue;
            }
            for (String part : fold(name).split("[\\s-]+")) {
                if (part.length() >= 3 && Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(part) + "(?![\\p{L}\\p{N}])")
                        .matcher(plain).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
