package org.samenkracht.identity;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * API tokens for machine clients. An administrator issues one for an account of their own organisation
 * (a service account per client system, so the audit names the system); the client then acts as that
 * account, narrowed to the token's parts and to reading unless it may write. The secret is shown once;
 * only its SHA-256 is kept (a token is 256 random bits, so a fast hash is enough and a call costs no
 * bcrypt). Tokens expire and can be revoked; every use is logged, refusals too.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "skt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AccountAdministration administration;

    ApiTokens(JdbcClient jdbc, AccountAdministration administration) {
        this.jdbc = jdbc;
        this.administration = administration;
    }

    public record IssueToken(
            @NotNull(message = "{validation.required}") UUID accountId,
            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}") String name,
            @NotEmpty(message = "{validation.required}") Set<TokenPart> parts,
            Boolean mayWrite,
            @NotNull(message = "{validation.required}") @Future(message = "{admin.token.expiresInFuture}") LocalDate expiresOn) {
    }

    /** The secret is in here once, for the administrator to hand to the client system; it is never shown again. */
    public record IssuedToken(UUID id, String secret, Instant expiresAt) implements java.io.Serializable {
    }

    public record TokenView(UUID id, UUID accountId, String account, String name, Set<TokenPart> parts, boolean mayWrite,
                            Instant issuedAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {
        public boolean active() {
            return revokedAt == null && expiresAt.isAfter(Instant.now());
        }
    }

    public record TokenUse(Instant at, String method, String path, String outcome) {
    }

    /** What a valid token grants, as the security filter needs it. */
    public record Grant(UUID tokenId, UUID organisationId, UUID accountId, Set<TokenPart> parts, boolean mayWrite) {
        public boolean permits(String method, String path) {
            if (!mayWrite && !("GET".equals(method) || "HEAD".equals(method))) {
                return false;
            }
            if (TokenPart.all(path)) {
                return parts.containsAll(EnumSet.allOf(TokenPart.class));
            }
            return TokenPart.of(path).map(parts::contains).orElse(false);
        }
    }

    @Transactional
    public IssuedToken issue(IssueToken c) {
        CurrentUser admin = administration.requireAdministrator();
        var account = administration.account(c.accountId());
        if (!account.organisationId().equals(admin.organisationId())) {
            throw new NotFound("account");
        }
        if (!account.enabled()) {
            throw new RuleViolation("accountId", "admin.token.accountDisabled");
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        UUID id = UUID.randomUUID();
        Instant expires = c.expiresOn().plusDays(1).atStartOfDay(ZoneId.of("Europe/Amsterdam")).toInstant();
        jdbc.sql("""
                insert into api_token (id, organisation_id, account_id, name, token_hash, parts, may_write, expires_at, issued_by)
                values (?, ?, ?, ?, ?, ?::text[], ?, ?, ?)""")
                .params(id, admin.organisationId(), c.accountId(), c.name().trim(), hash(secret), pgArray(c.parts()),
                        Boolean.TRUE.equals(c.mayWrite()), java.sql.Timestamp.from(expires), admin.id())
                .update();
        administration.record(c.accountId(), "TOKEN_ISSUED", c.name().trim() + " " + c.parts()
                + (Boolean.TRUE.equals(c.mayWrite()) ? " write" : " read") + " until " + c.expiresOn(), admin);
        return new IssuedToken(id, secret, expires);
    }

    @Transactional
    public void revoke(UUID tokenId) {
        CurrentUser admin = administration.requireAdministrator();
        UUID account = jdbc.sql("select account_id from api_token where id = ? and organisation_id = ?")
                .params(tokenId, admin.organisationId()).query(UUID.class).optional()
                .orElseThrow(() -> new NotFound("token"));
        jdbc.sql("update api_token set revoked_at = now(), revoked_by = ? where id = ? and revoked_at is null")
                .params(admin.id(), tokenId).update();
        administration.record(account, "TOKEN_REVOKED", tokenId.toString(), admin);
    }

    public List<TokenView> list() {
        CurrentUser admin = administration.requireAdministrator();
        return jdbc.sql("""
                select t.id, t.account_id, u.username, t.name, array_to_string(t.parts, ',') as parts, t.may_write,
                       t.issued_at, t.expires_at, t.revoked_at, t.last_used_at
                from api_token t join app_user u on u.id = t.account_id
                where t.organisation_id = ? order by t.issued_at desc""")
                .param(admin.organisationId())
                .query((rs, i) -> new TokenView(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                        rs.getString("username"), rs.getString("name"), parts(rs.getString("parts")),
                        rs.getBoolean("may_write"), rs.getTimestamp("issued_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(), instant(rs.getTimestamp("revoked_at")),
                        instant(rs.getTimestamp("last_used_at"))))
                .list();
    }

    public List<TokenUse> uses(UUID tokenId, int limit) {
        CurrentUser admin = administration.requireAdministrator();
        return jdbc.sql("""
                select used_at, method, path, outcome from api_token_use
                where token_id = ? and organisation_id = ? order by used_at desc, id desc limit ?""")
                .params(tokenId, admin.organisationId(), limit)
                .query((rs, i) -> new TokenUse(rs.getTimestamp("used_at").toInstant(), rs.getString("method"),
                        rs.getString("path"), rs.getString("outcome")))
                .list();
    }

    /** The grant of a presented secret: unknown, revoked and expired tokens give none. */
    public Optional<Grant> grant(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select t.id, t.organisation_id, t.account_id, array_to_string(t.parts, ',') as parts, t.may_write
                from api_token t join app_user u on u.id = t.account_id
                where t.token_hash = ? and t.revoked_at is null and t.expires_at > now() and u.enabled""")
                .param(hash(secret))
                .query((rs, i) -> new Grant(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                        rs.getObject("account_id", UUID.class), parts(rs.getString("parts")), rs.getBoolean("may_write")))
                .optional();
    }

    /** Logs one use of a token, in its own transaction so a refused request keeps its line. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void logUse(Grant grant, String method, String path, String outcome) {
        jdbc.sql("insert into api_token_use (organisation_id, token_id, method, path, outcome) values (?, ?, ?, ?, ?)")
                .params(grant.organisationId(), grant.tokenId(), method, path.length() > 500 ? path.substring(0, 500) : path, outcome)
                .update();
        jdbc.sql("update api_token set last_used_at = now() where id = ? and (last_used_at is null or last_used_at < now() - interval '1 minute')")
                .param(grant.tokenId()).update();
    }

    static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pgArray(Set<TokenPart> parts) {
        return parts.stream().map(Enum::name).sorted().collect(Collectors.joining(",", "{", "}"));
    }

    private static Set<TokenPart> parts(String joined) {
        EnumSet<TokenPart> set = EnumSet.noneOf(TokenPart.class);
        Arrays.stream(joined.split(",")).filter(s -> !s.isBlank()).map(TokenPart::valueOf).forEach(set::add);
        return set;
    }

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
