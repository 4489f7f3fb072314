package org.samenkracht.community;

import org.samenkracht.exploration.Explorations;
import org.samenkracht.exploration.ResponseView;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a buddy match did, in the person's own instruments (issue 20, item 2): for each started match the
 * last completed "How am I doing?" (qol-self) and self-reliance before the start and the last one since,
 * each as the mean of its domain scores. Only for a reader who may read the person's instrument answers;
 * for anyone else the list is empty (their answers are never in a body, a list or a count).
 */
@Service
public class MatchEffects {

    /** The person's own instruments and the prefix of their domain scores. */
    static final List<String[]> INSTRUMENTS = List.of(new String[]{"qol-self", "qol."}, new String[]{"self-reliance", "reliance."});

    public record Effect(UUID matchId, String instrument, LocalDate before, Double beforeScore, LocalDate after, Double afterScore) {

        /** The change (after minus before), when both are there. */
        public Double change() {
            return beforeScore == null || afterScore == null ? null : Math.round((afterScore - beforeScore) * 10) / 10.0;
        }
    }

    private final BuddyMatching matching;
    private final Explorations explorations;
    private final PersonAccess access;

    MatchEffects(BuddyMatching matching, Explorations explorations, PersonAccess access) {
        this.matching = matching;
        this.explorations = explorations;
        this.access = access;
    }

    @Transactional
    public List<Effect> of(UUID requestId) {
        BuddyRequest r = matching.get(requestId);
        List<BuddyRequest.Match> started = r.matches().stream().filter(m -> m.startedOn() != null).toList();
        if (started.isEmpty() || !access.may(r.personId(), Part.INSTRUMENT_RESPONSES, AccessKind.READ)) {
            return List.of();
        }
        List<ResponseView> done = explorations.responses(r.personId()).stream()
                .filter(x -> x.status() == ResponseView.Status.COMPLETED && x.completedAt() != null).toList();
        List<Effect> effects = new ArrayList<>();
        for (BuddyRequest.Match m : started) {
            Instant start = m.startedOn().atStartOfDay(ZoneId.systemDefault()).toInstant();
            for (String[] instrument : INSTRUMENTS) {
                List<ResponseView> of = done.stream().filter(x -> x.instrument().equals(instrument[0])).toList();
                Optional<ResponseView> before = of.stream().filter(x -> x.completedAt().isBefore(start))
                        .max(Comparator.comparing(ResponseView::completedAt));
                Optional<ResponseView> after = of.stream().filter(x -> !x.completedAt().isBefore(start))
                        .max(Comparator.comparing(ResponseView::completedAt));
                if (before.isEmpty() && after.isEmpty()) {
                    continue;
                }
                effects.add(new Effect(m.id(), instrument[0], before.map(MatchEffects::day).orElse(null),
                        before.map(x -> mean(x, instrument[1])).orElse(null), after.map(MatchEffects::day).orElse(null),
                        after.map(x -> mean(x, instrument[1])).orElse(null)));
            }
        }
        return effects;
    }

    /** The mean of the domain scores ("<prefix>…score" answered with a whole number), one decimal; null without any. */
    static Double mean(ResponseView response, String prefix) {
        double[] scores = response.answers().entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && e.getKey().endsWith(".score") && e.getValue() != null
                        && e.getValue().matches("\\d{1,2}"))
                .mapToDouble(e -> Integer.parseInt(e.getValue())).toArray();
        return scores.length == 0 ? null : Math.round(java.util.Arrays.stream(scores).average().orElseThrow() * 10) / 10.0;
    }

    private static LocalDate day(ResponseView r) {
        return LocalDate.ofInstant(r.completedAt(), ZoneId.systemDefault());
    }
}
