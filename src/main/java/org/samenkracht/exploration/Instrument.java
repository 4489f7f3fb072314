package org.samenkracht.exploration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An exploration instrument as loaded from its versioned definition under {@code instruments/}
 * (shaped like a FHIR Questionnaire): groups per domain, items to answer, Dutch and English labels.
 */
public record Instrument(String id, String version, Text title, Text description, Respondent respondent,
                         List<Item> items, String file) {

    /** Who fills it in: the team together with the person, the person themself, or someone else about them. */
    public enum Respondent { TEAM, PERSON, OTHER }

    public enum ItemType { GROUP, TEXT, INTEGER }

    /** A label in both languages; Dutch first. */
    public record Text(String nl, String en) {
        public String in(Locale locale) {
            return "en".equals(locale.getLanguage()) ? en : nl;
        }
    }

    public record Option(int value, Text label) {
    }

    public record Item(String linkId, Text text, ItemType type, boolean required, Integer maxLength, Integer min,
                       Integer max, List<Option> options, String domainCode, boolean gathersWish, boolean sharesOf100,
                       List<Item> items) {

        public boolean isGroup() {
            return type == ItemType.GROUP;
        }

        public boolean hasOptions() {
            return !options.isEmpty();
        }

        public Optional<Option> option(int value) {
            return options.stream().filter(o -> o.value() == value).findFirst();
        }

        /** The lowest and highest allowed value of an integer item. */
        public int lowest() {
            return hasOptions() ? options.stream().mapToInt(Option::value).min().orElse(0) : (min == null ? Integer.MIN_VALUE : min);
        }

        public int highest() {
            return hasOptions() ? options.stream().mapToInt(Option::value).max().orElse(0) : (max == null ? Integer.MAX_VALUE : max);
        }
    }

    public String key() {
        return id + "@" + version;
    }

    /** Every item that takes an answer, in order, groups flattened. */
    public List<Item> answerItems() {
        List<Item> out = new ArrayList<>();
        collect(items, out);
        return out;
    }

    private static void collect(List<Item> items, List<Item> out) {
        for (Item i : items) {
            if (i.isGroup()) {
                collect(i.items(), out);
            } else {
                out.add(i);
            }
        }
    }

    public Optional<Item> item(String linkId) {
        return answerItems().stream().filter(i -> i.linkId().equals(linkId)).findFirst();
    }

    /** The groups (domains) at the top level. */
    public List<Item> groups() {
        return items.stream().filter(Item::isGroup).toList();
    }
}
