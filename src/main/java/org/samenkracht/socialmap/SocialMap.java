package org.samenkracht.socialmap;

import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.socialmap.internal.OfferStore;
import org.samenkracht.socialmap.internal.UpkeepStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The social map module's API: search the offers of the user's organisation, curate them
 * (administrators), invite a provider to keep its own fiche up to date, and keep the map alive
 * (offers not checked for a while are flagged; professionals report a fiche as wrong).
 * Offers are not personal data, so no {@code PersonAccess} here; matching for a person is in
 * {@link Matching}.
 */
@Service
public class SocialMap {

    /** An offer written with mistakes: every field's problem, to show them all at once. */
    public static class InvalidOffer extends RuleViolation {
        private final transient List<OfferRow.Problem> problems;

        public InvalidOffer(List<OfferRow.Problem> problems) {
            super(problems.get(0).field(), "socialmap.invalid." + problems.get(0).reason(), problems.get(0).value());
            this.problems = problems;
        }

        public List<OfferRow.Problem> problems() {
            return problems;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final OfferStore offers;
    private final UpkeepStore upkeep;
    private final Clock clock;
    private final int staleAfterDays;
    private final Duration invitationValid;

    SocialMap(OfferStore offers, UpkeepStore upkeep, Optional<Clock> clock,
              @Value("${samenkracht.socialmap.stale-after-days:365}") int staleAfterDays,
              @Value("${samenkracht.socialmap.invitation-valid-days:30}") int invitationValidDays) {
        this.offers = offers;
        this.upkeep = upkeep;
        this.clock = clock.orElse(Clock.systemDefaultZone());
        this.staleAfterDays = staleAfterDays;
        this.invitationValid = Duration.ofDays(invitationValidDays);
    }

    /** Offers last checked before this date are flagged as not checked. */
    public LocalDate staleBefore() {
        return LocalDate.now(clock).minusDays(staleAfterDays);
    }

    public int staleAfterDays() {
        return staleAfterDays;
    }

    @Transactional(readOnly = true)
    public SearchResult search(SearchQuery query) {
        if (query.text() != null && query.text().length() > SearchQuery.MAX_TEXT) {
            throw new RuleViolation("q", "socialmap.search.tooLong", SearchQuery.MAX_TEXT);
        }
        if (query.maxKm() != null && (query.maxKm() <= 0 || query.maxKm() > 500)) {
            throw new RuleViolation("km", "socialmap.search.km");
        }
        return offers.search(requireSearcher().organisationId(), query, staleBefore());
    }

    @Transactional(readOnly = true)
    public Offer offer(UUID id) {
        return offers.find(requireSearcher().organisationId(), id, staleBefore()).orElseThrow(() -> new NotFound("offer"));
    }

    @Transactional(readOnly = true)
    public List<String> places() {
        return offers.places(CurrentUser.get().organisationId());
    }

    @Transactional(readOnly = true)
    public Optional<double[]> place(String name) {
        return offers.place(CurrentUser.get().organisationId(), name);
    }

    /** An administrator adds an offer (text fields as in the import formats). */
    @Transactional
    public UUID create(Map<String, String> fields) {
        CurrentUser user = requireAdministrator();
        OfferData data = valid(fields);
        if (offers.idByKey(user.organisationId(), data.externalKey()).isPresent()) {
            throw new RuleViolation("external_key", "socialmap.invalid.keyTaken", data.externalKey());
        }
        return offers.insert(user.organisationId(), data);
    }

    /** An administrator changes an offer; {@code version} is what the editor saw (stale: 409). */
    @Transactional
    public void update(UUID id, int version, Map<String, String> fields) {
        CurrentUser user = requireAdministrator();
        Offer current = offer(id);
        OfferData data = valid(fields);
        offers.idByKey(user.organisationId(), data.externalKey()).filter(other -> !other.equals(current.id()))
                .ifPresent(other -> {
                    throw new RuleViolation("external_key", "socialmap.invalid.keyTaken", data.externalKey());
                });
        offers.update(user.organisationId(), id, version, data);
    }

    @Transactional
    public void markChecked(UUID id) {
        CurrentUser user = requireAdministrator();
        Offer offer = offer(id);
        LocalDate today = LocalDate.now(clock);
        upkeep.checked(user.organisationId(), id, today, offer.data().withLastChecked(today).contentHash());
    }

    /** A professional says a fiche is wrong, straight from the result list. */
    @Transactional
    public UUID report(UUID offerId, String reason) {
        CurrentUser user = CurrentUser.get();
        if (!(user.role().supportsPeople() || user.is(Role.ADMINISTRATOR))) {
            throw new AccessRefused("socialmap.refused.report");
        }
        String text = reason == null ? "" : reason.trim();
        if (text.isEmpty()) {
            throw new RuleViolation("reason", "validation.required");
        }
        if (text.length() > 1000) {
            throw new RuleViolation("reason", "socialmap.invalid.tooLong", "");
        }
        offer(offerId);
        return upkeep.report(user.organisationId(), offerId, text, user.id());
    }

    public record Attention(List<UpkeepStore.Report> reports, List<UpkeepStore.Stale> stale, long staleCount,
                            int staleAfterDays) {
    }

    @Transactional(readOnly = true)
    public Attention attention() {
        CurrentUser user = requireAdministrator();
        return new Attention(upkeep.openReports(user.organisationId()), upkeep.stale(user.organisationId(), staleBefore(), 100),
                upkeep.staleCount(user.organisationId(), staleBefore()), staleAfterDays);
    }

    @Transactional
    public void resolveReport(UUID reportId) {
        CurrentUser user = requireAdministrator();
        if (!upkeep.resolve(user.organisationId(), reportId, user.id())) {
            throw new NotFound("report");
        }
    }

    /** An administrator invites the provider to update this fiche; the link is shown once. */
    @Transactional
    public String invite(UUID offerId) {
        CurrentUser user = requireAdministrator();
        offer(offerId);
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        upkeep.invite(hash(token), user.organisationId(), offerId, user.id(), Instant.now(clock).plus(invitationValid));
        return token;
    }

    /** The fiche a provider's invitation opens (no login: the token is the key). */
    @Transactional(readOnly = true)
    public Offer fiche(String token) {
        UpkeepStore.Invitation inv = invitation(token);
        return offers.find(inv.organisationId(), inv.offerId(), staleBefore()).orElseThrow(() -> new NotFound("offer"));
    }

    /** The provider saves its fiche: it counts as checked today. The key and provider stay as they were. */
    @Transactional
    public void updateFiche(String token, int version, Map<String, String> fields) {
        UpkeepStore.Invitation inv = invitation(token);
        Offer current = offers.find(inv.organisationId(), inv.offerId(), staleBefore()).orElseThrow(() -> new NotFound("offer"));
        Map<String, String> kept = new java.util.HashMap<>(fields);
        kept.put("external_key", current.externalKey());
        kept.put("provider", current.providerName());
        kept.put("provider_kind", current.providerKind().name());
        kept.put("last_checked", LocalDate.now(clock).toString());
        offers.update(inv.organisationId(), inv.offerId(), version, valid(kept));
        upkeep.used(hash(token));
    }

    private UpkeepStore.Invitation invitation(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            throw new NotFound("invitation");
        }
        return upkeep.invitation(hash(token)).orElseThrow(() -> new NotFound("invitation"));
    }

    static OfferData valid(Map<String, String> fields) {
        OfferRow.Result result = OfferRow.read(fields);
        if (result instanceof OfferRow.Invalid invalid) {
            throw new InvalidOffer(invalid.problems());
        }
        return ((OfferRow.Valid) result).data();
    }

    /** The map is the professionals' tool (and the administrators' to keep); people and network members meet it through them. */
    public static CurrentUser requireSearcher() {
        CurrentUser user = CurrentUser.get();
        if (!(user.role().supportsPeople() || user.is(Role.ADMINISTRATOR))) {
            throw new AccessRefused("socialmap.refused.professional");
        }
        return user;
    }

    static CurrentUser requireAdministrator() {
        CurrentUser user = CurrentUser.get();
        if (!user.is(Role.ADMINISTRATOR)) {
            throw new AccessRefused("socialmap.refused.administrator");
        }
        return user;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
