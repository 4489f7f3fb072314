package org.samenkracht.privacy;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.privacy.PersonDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Consent records: what information, with whom (a network member, an account, a role, an
 * organisation), for which purpose, from when to when, given how and by whom. The person revokes a
 * consent from their own account; {@link PersonAccess} reads consents on every request, so a revoked
 * consent counts from the next request on.
 */
@Service
public class Consents {

    public enum RecipientKind { NETWORK_MEMBER, ACCOUNT, ROLE, ORGANISATION }

    public enum GivenHow { SPOKEN, WRITTEN, IN_APP }

    public enum GivenBy { PERSON, REPRESENTATIVE }

    public record GiveConsent(
            @NotEmpty(message = "{validation.required}") Set<Information> information,
            @NotNull(message = "{validation.choice}") RecipientKind recipientKind,
            UUID recipientMemberId, UUID recipientAccountId, Role recipientRole, UUID recipientOrganisationId,
            @NotNull(message = "{validation.required}") @Size(min = 1, max = 500, message = "{validation.tooLong}") String purpose,
            @NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
            @NotNull(message = "{validation.choice}") GivenHow givenHow,
            @NotNull(message = "{validation.choice}") GivenBy givenBy,
            @Size(max = 200, message = "{validation.tooLong}") String representativeName) {

        public static GiveConsent empty() {
            return new GiveConsent(EnumSet.noneOf(Information.class), RecipientKind.NETWORK_MEMBER, null, null, null, null,
                    "", LocalDate.now(), null, GivenHow.SPOKEN, GivenBy.PERSON, null);
        }
    }

    public record ConsentView(UUID id, Set<Information> information, RecipientKind recipientKind, String recipient,
                              UUID recipientMemberId, String purpose, LocalDate validFrom, LocalDate validUntil, GivenHow givenHow,
                              GivenBy givenBy, String representativeName, String recordedBy, Instant recordedAt,
                              Instant revokedAt, String revokedBy, int version) {
        ConsentView withRecipient(String name) {
            return new ConsentView(id, information, recipientKind, name, recipientMemberId, purpose, validFrom, validUntil,
                    givenHow, givenBy, representativeName, recordedBy, recordedAt, revokedAt, revokedBy, version);
        }

        public boolean active() {
            LocalDate today = LocalDate.now();
            return revokedAt == null && !validFrom.isAfter(today) && (validUntil == null || !validUntil.isBefore(today));
        }
    }

    public record ConsentGiven(UUID consentId, UUID personId) {
    }

    public record ConsentRevoked(UUID consentId, UUID personId, UUID revokedBy) {
    }

    private final JdbcClient jdbc;
    private final PersonAccess access;
    private final PersonDirectory directory;
    private final NetworkDirectory network;
    private final ApplicationEventPublisher events;

    Consents(JdbcClient jdbc, PersonAccess access, PersonDirectory directory, NetworkDirectory network,
             ApplicationEventPublisher events) {
        this.network = network;
        this.jdbc = jdbc;
        this.access = access;
        this.directory = directory;
        this.events = events;
    }

    /** Records a consent; the person themself (in the app) or their team (as the person said or wrote). */
    @Transactional
    public UUID give(UUID personId, GiveConsent c) {
        var person = directory.person(personId);
        access.require(personId, Part.CONSENTS, AccessKind.WRITE_AS_PERSON);
        CurrentUser user = CurrentUser.get();
        if (c.validUntil() != null && c.validUntil().isBefore(c.validFrom())) {
            throw new RuleViolation("validUntil", "consent.untilBeforeFrom");
        }
        if (c.givenBy() == GivenBy.REPRESENTATIVE && (c.representativeName() == null || c.representativeName().isBlank())) {
            throw new RuleViolation("representativeName", "consent.representativeNeeded");
        }
        switch (c.recipientKind()) {
            case NETWORK_MEMBER -> {
                if (c.recipientMemberId() == null || network.members(personId).stream()
                        .noneMatch(m -> m.id().equals(c.recipientMemberId()))) {
                    throw new RuleViolation("recipientMemberId", "consent.memberNotInNetwork");
                }
            }
            case ACCOUNT -> require(c.recipientAccountId() != null, "recipientAccountId");
            case ROLE -> require(c.recipientRole() != null, "recipientRole");
            case ORGANISATION -> require(c.recipientOrganisationId() != null, "recipientOrganisationId");
        }
        GivenHow how = user.is(Role.PERSON) ? GivenHow.IN_APP : c.givenHow();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into consent (id, organisation_id, person_id, information, recipient_kind, recipient_member_id,
                  recipient_account_id, recipient_role, recipient_organisation_id, purpose, valid_from, valid_until,
                  given_how, given_by, representative_name, recorded_by)
                values (?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, person.organisationId(), personId,
                        "{" + String.join(",", c.information().stream().map(Enum::name).sorted().toList()) + "}",
                        c.recipientKind().name(),
                        c.recipientKind() == RecipientKind.NETWORK_MEMBER ? c.recipientMemberId() : null,
                        c.recipientKind() == RecipientKind.ACCOUNT ? c.recipientAccountId() : null,
                        c.recipientKind() == RecipientKind.ROLE ? c.recipientRole().name() : null,
                        c.recipientKind() == RecipientKind.ORGANISATION ? c.recipientOrganisationId() : null,
                        c.purpose().trim(), c.validFrom(), c.validUntil(), how.name(), c.givenBy().name(),
                        c.givenBy() == GivenBy.REPRESENTATIVE ? c.representativeName().trim() : null, user.id())
                .update();
        events.publishEvent(new ConsentGiven(id, personId));
        return id;
    }

    /** Revokes a consent; effective on the next request. Revoking twice changes nothing. */
    @Transactional
    public void revoke(UUID personId, UUID consentId) {
        access.require(personId, Part.CONSENTS, AccessKind.WRITE_AS_PERSON);
        CurrentUser user = CurrentUser.get();
        int changed = jdbc.sql("""
                update consent set revoked_at = now(), revoked_by = ?, version = version + 1
                where id = ? and person_id = ? and revoked_at is null""")
                .params(user.id(), consentId, personId).update();
        if (changed == 0 && jdbc.sql("select count(*) from consent where id = ? and person_id = ?")
                .params(consentId, personId).query(Long.class).single() == 0) {
            throw new NotFound("consent");
        }
        if (changed > 0) {
            events.publishEvent(new ConsentRevoked(consentId, personId, user.id()));
        }
    }

    @Transactional
    public List<ConsentView> of(UUID personId) {
        directory.person(personId);
        access.read(personId, Part.CONSENTS);
        List<ConsentView> found = jdbc.sql("""
                select c.*, coalesce(a.display_name, o.name, c.recipient_role) as recipient,
                       r.display_name as recorded_by_name, v.display_name as revoked_by_name
                from consent c
                left join account_directory a on a.id = c.recipient_account_id
                left join organisation_directory o on o.id = c.recipient_organisation_id
                join account_directory r on r.id = c.recorded_by
                left join account_directory v on v.id = c.revoked_by
                where c.person_id = ? order by c.revoked_at nulls first, c.recorded_at desc""")
                .param(personId).query(Consents::map).list();
        // a member's name comes from the network module (privacy does not read its tables)
        List<UUID> memberIds = found.stream().map(ConsentView::recipientMemberId).filter(java.util.Objects::nonNull).toList();
        if (memberIds.isEmpty()) {
            return found;
        }
        Map<UUID, String> names = network.names(memberIds);
        return found.stream().map(c -> c.recipientMemberId() == null ? c : c.withRecipient(names.get(c.recipientMemberId()))).toList();
    }

    private static void require(boolean present, String field) {
        if (!present) {
            throw new RuleViolation(field, "validation.required");
        }
    }

    private static ConsentView map(ResultSet rs, int i) throws SQLException {
        EnumSet<Information> info = EnumSet.noneOf(Information.class);
        Arrays.stream((String[]) rs.getArray("information").getArray()).map(Information::valueOf).forEach(info::add);
        var revoked = rs.getTimestamp("revoked_at");
        return new ConsentView(rs.getObject("id", UUID.class), info, RecipientKind.valueOf(rs.getString("recipient_kind")),
                rs.getString("recipient"), rs.getObject("recipient_member_id", UUID.class), rs.getString("purpose"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class), GivenHow.valueOf(rs.getString("given_how")),
                GivenBy.valueOf(rs.getString("given_by")), rs.getString("representative_name"),
                rs.getString("recorded_by_name"), rs.getTimestamp("recorded_at").toInstant(),
                revoked == null ? null : revoked.toInstant(), rs.getString("revoked_by_name"), rs.getInt("version"));
    }
}
