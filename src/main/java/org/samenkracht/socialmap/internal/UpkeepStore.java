package org.samenkracht.socialmap.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Keeping the map alive: reports of wrong fiches, checks, and invitations to providers. */
@Repository
public class UpkeepStore {

    public record Report(UUID id, UUID offerId, String offerName, String reason, String reportedBy, Instant reportedAt) {
    }

    public record Stale(UUID offerId, String name, String providerName, LocalDate lastChecked) {
    }

    public record Invitation(UUID organisationId, UUID offerId, Instant expiresAt) {
    }

    private final JdbcClient jdbc;

    UpkeepStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID report(UUID organisationId, UUID offerId, String reason, UUID by) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into socialmap_report (id, organisation_id, offer_id, reason, reported_by) values (?, ?, ?, ?, ?)")
                .params(id, organisationId, offerId, reason, by).update();
        return id;
    }

    public List<Report> openReports(UUID organisationId) {
        return jdbc.sql("""
                select r.id, r.offer_id, o.name, r.reason, u.display_name, r.reported_at
                from socialmap_report r join socialmap_offer o on o.id = r.offer_id join app_user u on u.id = r.reported_by
                where r.organisation_id = ? and r.resolved_at is null order by r.reported_at""")
                .param(organisationId).query((rs, i) -> new Report(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant())).list();
    }

    public boolean resolve(UUID organisationId, UUID reportId, UUID by) {
        return jdbc.sql("update socialmap_report set resolved_at = now(), resolved_by = ? where id = ? and organisation_id = ? and resolved_at is null")
                .params(by, reportId, organisationId).update() == 1;
    }

    public List<Stale> stale(UUID organisationId, LocalDate before, int limit) {
        return jdbc.sql("""
                select o.id, o.name, p.name, o.last_checked from socialmap_offer o join socialmap_provider p on p.id = o.provider_id
                where o.organisation_id = ? and o.last_checked < ? order by o.last_checked, o.name limit ?""")
                .params(organisationId, before, limit).query((rs, i) -> new Stale(rs.getObject(1, UUID.class),
                        rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class))).list();
    }

    public long staleCount(UUID organisationId, LocalDate before) {
        return jdbc.sql("select count(*) from socialmap_offer where organisation_id = ? and last_checked < ?")
                .params(organisationId, before).query(Long.class).single();
    }

    /** Marks an offer checked today, keeping its content hash in step (the date is part of the fiche). */
    public boolean checked(UUID organisationId, UUID offerId, LocalDate today, String newHash) {
        return jdbc.sql("update socialmap_offer set last_checked = ?, content_hash = ?, version = version + 1, updated_at = now() where id = ? and organisation_id = ?")
                .params(today, newHash, offerId, organisationId).update() == 1;
    }

    public void invite(String tokenHash, UUID organisationId, UUID offerId, UUID by, Instant expiresAt) {
        jdbc.sql("insert into socialmap_invitation (token_hash, organisation_id, offer_id, created_by, expires_at) values (?, ?, ?, ?, ?)")
                .params(tokenHash, organisationId, offerId, by, java.sql.Timestamp.from(expiresAt)).update();
    }

    public Optional<Invitation> invitation(String tokenHash) {
        return jdbc.sql("select organisation_id, offer_id, expires_at from socialmap_invitation where token_hash = ? and expires_at > now()")
                .param(tokenHash).query((rs, i) -> new Invitation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getTimestamp(3).toInstant())).optional();
    }

    public void used(String tokenHash) {
        jdbc.sql("update socialmap_invitation set last_used_at = now() where token_hash = ?").param(tokenHash).update();
    }
}
