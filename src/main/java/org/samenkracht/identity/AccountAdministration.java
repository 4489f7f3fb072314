package org.samenkracht.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The administrator's work on accounts and organisations: add, change role and organisation,
 * deactivate and activate, reset the password and the second factor, import from CSV. Only an
 * administrator, and only for accounts of their own organisation (or moving one to an organisation
 * they keep). Every change is written to {@code account_event}, append-only.
 */
@Service
public class AccountAdministration {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSWORD_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789";
    /** Roles an administrator gives; person and network-member accounts come with their person or entry. */
    public static final Set<Role> STAFF_ROLES = Set.of(Role.PROFESSIONAL, Role.COACH, Role.ADMINISTRATOR);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;

    AccountAdministration(JdbcClient jdbc, PasswordEncoder passwords, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.events = events;
    }

    public record AccountRow(UUID id, UUID organisationId, String organisation, String username, String displayName,
                             Role role, boolean enabled, Instant createdAt, int version) {
    }

    public record Organisation(UUID id, String name) {
    }

    public record Event(Instant at, String account, String action, String detail, String by) {
    }

    public record AddAccount(
            @NotBlank(message = "{validation.required}") @Pattern(regexp = "[a-z0-9._-]{3,60}", message = "{admin.account.usernameRule}") String username,
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String displayName,
            @NotNull(message = "{validation.required}") Role role) {
    }

    public record ChangeAccount(
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String displayName,
            @NotNull(message = "{validation.required}") Role role,
            @NotNull(message = "{validation.required}") UUID organisationId,
            @NotNull(message = "{validation.required}") Integer version) {
    }

    /** A new account or a reset: the temporary password is shown once, to hand over. */
    public record Credentials(UUID accountId, String username, String temporaryPassword) implements java.io.Serializable {
    }

    /** A CSV import: all rows added, or none with every refused line named. */
    public record ImportResult(List<Credentials> added, List<String> refusals) implements java.io.Serializable {
        public boolean applied() {
            return refusals.isEmpty();
        }
    }

    /** Asked by the identity module when an administrator resets someone's second factor (privacy keeps it). */
    public record SecondFactorReset(UUID accountId, UUID by) {
    }

    /** Fails with 403 unless the signed-in user is an administrator. */
    public CurrentUser requireAdministrator() {
        CurrentUser user = CurrentUser.find().orElseThrow(() -> new AccessRefused("access.refused.adminOnly"));
        if (!user.is(Role.ADMINISTRATOR)) {
            throw new AccessRefused("access.refused.adminOnly");
        }
        return user;
    }

    public List<AccountRow> accounts() {
        CurrentUser admin = requireAdministrator();
        return jdbc.sql(SELECT + " where u.organisation_id = ? order by u.enabled desc, u.display_name")
                .param(admin.organisationId()).query(AccountAdministration::row).list();
    }

    public AccountRow account(UUID id) {
        CurrentUser admin = requireAdministrator();
        return jdbc.sql(SELECT + " where u.id = ? and u.organisation_id = ?").params(id, admin.organisationId())
                .query(AccountAdministration::row).optional().orElseThrow(() -> new NotFound("account"));
    }

    /** Organisations an administrator may move accounts to: their own. Others are kept by their own administrator. */
    public List<Organisation> organisations() {
        CurrentUser admin = requireAdministrator();
        return jdbc.sql("select id, name from organisation where id = ? order by name").param(admin.organisationId())
                .query((rs, i) -> new Organisation(rs.getObject("id", UUID.class), rs.getString("name"))).list();
    }

    @Transactional
    public Credentials add(AddAccount c) {
        CurrentUser admin = requireAdministrator();
        checkStaffRole(c.role());
        String password = temporaryPassword();
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into app_user (id, organisation_id, username, password_hash, display_name, role)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(id, admin.organisationId(), c.username().trim(), passwords.encode(password),
                            c.displayName().trim(), c.role().name())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("username", "admin.account.usernameTaken");
        }
        record(id, "CREATED", c.role().name(), admin);
        return new Credentials(id, c.username().trim(), password);
    }

    @Transactional
    public void change(UUID accountId, ChangeAccount c) {
        CurrentUser admin = requireAdministrator();
        AccountRow before = account(accountId);
        if (!before.role().equals(c.role())) {
            checkStaffRole(c.role());
            checkStaffRole(before.role());
        }
        if (!c.organisationId().equals(admin.organisationId())) {
            throw new RuleViolation("organisationId", "admin.account.ownOrganisationOnly");
        }
        if (accountId.equals(admin.id()) && c.role() != Role.ADMINISTRATOR) {
            throw new RuleViolation("role", "admin.account.notYourself");
        }
        int changed = jdbc.sql("""
                update app_user set display_name = ?, role = ?, organisation_id = ?, version = version + 1
                where id = ? and version = ?""")
                .params(c.displayName().trim(), c.role().name(), c.organisationId(), accountId, c.version()).update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("account changed meanwhile");
        }
        record(accountId, "CHANGED", before.role() + "→" + c.role() + ", " + before.displayName() + "→" + c.displayName().trim(), admin);
    }

    @Transactional
    public void deactivate(UUID accountId) {
        CurrentUser admin = requireAdministrator();
        account(accountId);
        if (accountId.equals(admin.id())) {
            throw new RuleViolation("accountId", "admin.account.notYourself");
        }
        jdbc.sql("update app_user set enabled = false, version = version + 1 where id = ?").param(accountId).update();
        // A deactivated account is signed out everywhere: its stored sessions go.
        jdbc.sql("delete from spring_session where principal_name = (select username from app_user where id = ?)")
                .param(accountId).update();
        record(accountId, "DEACTIVATED", null, admin);
    }

    @Transactional
    public void activate(UUID accountId) {
        CurrentUser admin = requireAdministrator();
        account(accountId);
        jdbc.sql("update app_user set enabled = true, failed_logins = 0, locked_until = null, version = version + 1 where id = ?")
                .param(accountId).update();
        record(accountId, "ACTIVATED", null, admin);
    }

    @Transactional
    public Credentials resetPassword(UUID accountId) {
        CurrentUser admin = requireAdministrator();
        AccountRow account = account(accountId);
        String password = temporaryPassword();
        jdbc.sql("update app_user set password_hash = ?, failed_logins = 0, locked_until = null, version = version + 1 where id = ?")
                .params(passwords.encode(password), accountId).update();
        record(accountId, "PASSWORD_RESET", null, admin);
        return new Credentials(accountId, account.username(), password);
    }

    /** The privacy module removes the factor (it keeps the secrets); the account enrols again at next sign-in. */
    @Transactional
    public void resetSecondFactor(UUID accountId) {
        CurrentUser admin = requireAdministrator();
        account(accountId);
        events.publishEvent(new SecondFactorReset(accountId, admin.id()));
        record(accountId, "SECOND_FACTOR_RESET", null, admin);
    }

    /**
     * Imports staff accounts from CSV with the header {@code username,displayName,role}. Every line is
     * checked first; with one refusal nothing is added.
     */
    @Transactional
    public ImportResult importCsv(String csv) {
        CurrentUser admin = requireAdministrator();
        List<AddAccount> rows = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new StringReader(csv == null ? "" : csv))) {
            String header = in.readLine();
            if (header == null || !header.trim().replace(";", ",").equalsIgnoreCase("username,displayName,role")) {
                return new ImportResult(new ArrayList<>(), new ArrayList<>(List.of("1: header must be username,displayName,role")));
            }
            String line;
            int no = 1;
            while ((line = in.readLine()) != null) {
                no++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("[,;]", -1);
                if (f.length != 3) {
                    refusals.add(no + ": three fields expected");
                    continue;
                }
                String username = f[0].trim().toLowerCase(Locale.ROOT);
                String name = f[1].trim();
                Role role;
                try {
                    role = Role.valueOf(f[2].trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    refusals.add(no + ": role " + f[2].trim() + " unknown");
                    continue;
                }
                if (!username.matches("[a-z0-9._-]{3,60}")) {
                    refusals.add(no + ": username " + username + " not allowed");
                } else if (!seen.add(username) || exists(username)) {
                    refusals.add(no + ": username " + username + " already taken");
                } else if (name.isEmpty() || name.length() > 200) {
                    refusals.add(no + ": displayName missing or too long");
                } else if (!STAFF_ROLES.contains(role)) {
                    refusals.add(no + ": role " + role + " is not a staff role");
                } else {
                    rows.add(new AddAccount(username, name, role));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (!refusals.isEmpty()) {
            return new ImportResult(new ArrayList<>(), new ArrayList<>(refusals));
        }
        List<Credentials> added = new ArrayList<>();
        for (AddAccount row : rows) {
            Credentials c = add(row);
            record(c.accountId(), "IMPORTED", null, admin);
            added.add(c);
        }
        return new ImportResult(new ArrayList<>(added), new ArrayList<>());
    }

    public List<Event> events(int limit) {
        CurrentUser admin = requireAdministrator();
        return jdbc.sql("""
                select e.done_at, u.username, e.action, e.detail, b.username as by_name
                from account_event e join app_user u on u.id = e.account_id join app_user b on b.id = e.done_by
                where e.organisation_id = ? order by e.done_at desc, e.id desc limit ?""")
                .params(admin.organisationId(), limit)
                .query((rs, i) -> new Event(rs.getTimestamp("done_at").toInstant(), rs.getString("username"),
                        rs.getString("action"), rs.getString("detail"), rs.getString("by_name")))
                .list();
    }

    void record(UUID accountId, String action, String detail, CurrentUser by) {
        jdbc.sql("insert into account_event (organisation_id, account_id, action, detail, done_by) values (?, ?, ?, ?, ?)")
                .params(by.organisationId(), accountId, action, detail, by.id()).update();
    }

    private boolean exists(String username) {
        return jdbc.sql("select count(*) from app_user where username = ?").param(username).query(Long.class).single() > 0;
    }

    private static void checkStaffRole(Role role) {
        if (!STAFF_ROLES.contains(role)) {
            throw new RuleViolation("role", "admin.account.staffRoleOnly");
        }
    }

    private static String temporaryPassword() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            b.append(PASSWORD_LETTERS.charAt(RANDOM.nextInt(PASSWORD_LETTERS.length())));
        }
        return b.toString();
    }

    private static final String SELECT = """
            select u.id, u.organisation_id, o.name as organisation, u.username, u.display_name, u.role, u.enabled,
                   u.created_at, u.version
            from app_user u join organisation o on o.id = u.organisation_id""";

    private static AccountRow row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new AccountRow(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                rs.getString("organisation"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(),
                rs.getInt("version"));
    }
}
