package org.samenkracht.socialmap.web;

import org.samenkracht.socialmap.Matching;
import org.samenkracht.socialmap.MatchingPolicy;
import org.samenkracht.vocabulary.Layer;
import org.springframework.context.MessageSource;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Matching as the API gives it: every reason as its key and as a sentence in the reader's language, labels
 * beside codes, no bare score. The order of {@code matches} is the ranking.
 */
public record MatchesView(UUID personId, String personName, UUID goalId, String goalInOwnWords, int planVersion,
                          Used used, Matching.OwnStrength ownStrength, List<Helper> network, boolean nothingFits,
                          List<MatchView> matches, List<MatchView> alternatives, boolean mayAddToPlan) {

    public record Used(List<Label> domains, boolean domainsFromGoal, List<String> words, String place,
                       boolean placeFromPerson, boolean placeKnown, List<Label> targetGroups, boolean targetGroupsFromAge,
                       String language) {
    }

    public record Label(String code, String label) {
    }

    public record Helper(String name, String relation, Label layer, List<String> supportKinds, boolean mayAsk,
                         boolean overloaded, boolean doNotBurden, String loadWarning) {
    }

    public record ReasonView(String key, String text) {
    }

    public record MatchView(UUID offerId, String name, String providerName, Label layer, Double distanceKm,
                            List<ReasonView> pros, List<ReasonView> cons) {
    }

    static MatchesView of(Matching.Result r, ReasonTexts reasons, MessageSource messages, Locale locale) {
        var u = r.used();
        Used used = new Used(u.domains().stream().map(d -> label(d.name(), d.labelKey(), messages, locale)).toList(),
                u.domainsFromGoal(), u.words(), u.place(), u.placeFromPerson(), u.placeKnown(),
                u.targetGroups().stream().sorted().map(g -> label(g.name(), "socialmap.targetGroup." + g.name(), messages, locale)).toList(),
                u.targetGroupsFromAge(), u.language());
        List<Helper> helpers = r.network().stream().map(h -> new Helper(h.name(), h.relation().name(),
                label(h.layer(), messages, locale), h.supportKinds().stream().map(Enum::name).sorted().toList(), h.mayAsk(),
                h.overloaded(), h.doNotBurden(),
                h.loadReasonKey() == null ? null : messages.getMessage(h.loadReasonKey(), new Object[] {h.name()}, h.loadReasonKey(), locale)))
                .toList();
        return new MatchesView(r.personId(), r.personName(), r.goal().id(), r.goal().ownWords(), r.planVersion(), used,
                r.ownStrength(), helpers, r.nothingFits(), view(r.matches(), reasons, messages, locale),
                view(r.alternatives(), reasons, messages, locale), r.mayAddToPlan());
    }

    private static List<MatchView> view(List<MatchingPolicy.Match> matches, ReasonTexts reasons, MessageSource messages,
                                        Locale locale) {
        return matches.stream().map(m -> new MatchView(m.offer().id(), m.offer().name(), m.offer().providerName(),
                label(m.offer().layer(), messages, locale), m.offer().distanceKm(),
                m.pros().stream().map(x -> new ReasonView(x.key(), reasons.text(x, locale))).toList(),
                m.cons().stream().map(x -> new ReasonView(x.key(), reasons.text(x, locale))).toList())).toList();
    }

    private static Label label(Layer layer, MessageSource messages, Locale locale) {
        return label(layer.name(), layer.labelKey(), messages, locale);
    }

    private static Label label(String code, String key, MessageSource messages, Locale locale) {
        return new Label(code, messages.getMessage(key, null, code, locale));
    }

}
