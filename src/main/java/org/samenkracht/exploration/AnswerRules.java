package org.samenkracht.exploration;

import org.samenkracht.exploration.Instrument.Item;
import org.samenkracht.exploration.Instrument.ItemType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules for answers to an instrument: only known items, numbers in range, texts not too long.
 * A draft may be incomplete; a completed response needs every required item, and the shares of own
 * strength, network and professionals of a domain add up to 100%.
 */
public final class AnswerRules {

    private AnswerRules() {
    }

    /** A fault in one answer, with a message key and its arguments, for the field named by linkId. */
    public record Problem(String field, String messageKey, Object... args) {
    }

    /** The answers without blanks, trimmed. */
    public static Map<String, String> normalise(Map<String, String> answers) {
        Map<String, String> out = new LinkedHashMap<>();
        if (answers != null) {
            answers.forEach((k, v) -> {
                if (k != null && v != null && !v.isBlank()) {
                    out.put(k, v.trim());
                }
            });
        }
        return out;
    }

    public static List<Problem> check(Instrument instrument, Map<String, String> rawAnswers, boolean complete) {
        Map<String, String> answers = normalise(rawAnswers);
        List<Problem> problems = new ArrayList<>();
        answers.forEach((linkId, value) -> {
            var item = instrument.item(linkId);
            if (item.isEmpty()) {
                problems.add(new Problem(linkId, "exploration.answer.unknownItem"));
                return;
            }
            checkValue(item.get(), value, problems);
        });
        if (complete) {
            for (Item item : instrument.answerItems()) {
                if (item.required() && !answers.containsKey(item.linkId())) {
                    problems.add(new Problem(item.linkId(), "exploration.answer.required"));
                }
            }
            for (Item group : instrument.groups()) {
                if (group.sharesOf100()) {
                    checkShares(group, answers, problems);
                }
            }
        }
        return problems;
    }

    private static void checkValue(Item item, String value, List<Problem> problems) {
        if (item.type() == ItemType.TEXT) {
            if (value.length() > item.maxLength()) {
                problems.add(new Problem(item.linkId(), "exploration.answer.tooLong", item.maxLength()));
            }
            return;
        }
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            problems.add(new Problem(item.linkId(), "exploration.answer.notANumber"));
            return;
        }
        boolean allowed = item.hasOptions() ? item.option(number).isPresent()
                : number >= item.lowest() && number <= item.highest();
        if (!allowed) {
            problems.add(new Problem(item.linkId(), "exploration.answer.outOfRange", item.lowest(), item.highest()));
        }
    }

    /** Own strength, network and professionals together: 100%, when any share is given. */
    private static void checkShares(Item group, Map<String, String> answers, List<Problem> problems) {
        List<Item> shares = group.items().stream().filter(i -> i.type() == ItemType.INTEGER && !i.hasOptions()).toList();
        if (shares.stream().noneMatch(i -> answers.containsKey(i.linkId()))) {
            return;
        }
        int sum = 0;
        for (Item share : shares) {
            try {
                sum += Integer.parseInt(answers.getOrDefault(share.linkId(), "0"));
            } catch (NumberFormatException e) {
                return; // already reported as not a number
            }
        }
        if (sum != 100) {
            problems.add(new Problem(group.linkId(), "exploration.answer.sharesOf100", sum));
        }
    }
}
