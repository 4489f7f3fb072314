package org.samenkracht.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The identity module's API: organisations and accounts. */
@Service
public class Accounts {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    Accounts(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    public record NewAccount(UUID id, UUID organisationId, String username, String rawPassword, String displayName,
                             Role role, UUID personId) {
    }

    public record Account(UUID id, UUID organisationId, String username, String displayName, Role role, UUID personId) {
    }

    @Transactional
    public void ensureOrganisation(UUID id, String name) {
        jdbc.sql("insert into organisation (id, name) values (?, ?) on conflict (id) do nothing")
                .params(id, name).update();
    }

    /** The name of an organisation (not personal data), for documents that name who keeps the file. */
    public Optional<String> organisationName(UUID organisationId) {
        return jdbc.sql("select name from organisation where id = ?").param(organisationId).query(String.class).optional();
    }

    public boolean exists(UUID accountId) {
        return jdbc.sql("select count(*) from app_user where id = ?").param(accountId).query(Long.class).single() > 0;
    }

    @Transactional
    public UUID create(NewAccount a) {
        UUID id = a.id() != null ? a.id() : UUID.randomUUID();
        jdbc.sql("""
                insert into app_user (id, organisation_id, username, password_hash, display_name, role, person_id)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, a.organisationId(), a.username(), passwords.encode(a.rawPassword()), a.displayName(),
                        a.role().name(), a.personId())
                .update();
        return id;
    }

    /**
     * Erasure of a person's file: their own account (if any) keeps its id, so the audit log still
     * points somewhere, and loses its name, its username and any way to sign in.
     */
    public void eraseAccountsOf(UUID personId) {
        jdbc.sql("""
                update app_user set enabled = false, display_name = '-', username = 'erased-' || substr(md5(id::text), 1, 12),
                  password_hash = '{noop}' || md5(random()::text) where person_id = ?""").param(personId).update();
    }

    public Optional<Account> find(UUID id) {
        return jdbc.sql("select id, organisation_id, username, display_name, role, person_id from app_user where id = ?")
                .param(id).query(Accounts::map).optional();
    }

    /** Colleagues in an organisation who can take part in support (for choosing a step's professional). */
    public List<Account> professionals(UUID organisationId) {
        // asked twice by a step form (its list and the names of step takers): read once per GET
        return org.samenkracht.common.web.RequestMemo.remember(PROFESSIONALS + organisationId, () -> jdbc.sql("""
                select id, organisation_id, username, display_name, role, person_id from app_user
                where organisation_id = ? and role in ('PROFESSIONAL', 'COACH') and enabled order by display_name""")
                .param(organisationId).query(Accounts::map).list());
    }

    /** {@link #professionals} if this GET has read them already, without reading them. */
    public Optional<List<Account>> professionalsAlreadyRead(UUID organisationId) {
        return org.samenkracht.common.web.RequestMemo.recall(PROFESSIONALS + organisationId);
    }

    private static final String PROFESSIONALS = "identity.professionals:";

    /** The enabled accounts of an organisation with one role (for choosing a coordinator, for instance). */
    public List<Account> withRole(UUID organisationId, Role role) {
        return jdbc.sql("""
                select id, organisation_id, username, display_name, role, person_id from app_user
                where organisation_id = ? and role = ? and enabled order by display_name""")
                .params(organisationId, role.name()).query(Accounts::map).list();
    }

    /**
     * Runs work as the given account, for demo data, generators and background work that must pass
     * the same access checks and audit as a signed-in user. Restores the previous identity after.
     */
    public void runAs(UUID accountId, Runnable work) {
        runAs(accountId, work, false);
    }

    /**
     * As {@link #runAs}, for work the application does itself in a user's name (demo data, imports):
     * its writes are audited as theirs, its reads are not (nobody read anything).
     */
    public void onBehalfOf(UUID accountId, Runnable work) {
        runAs(accountId, work, true);
    }

    private void runAs(UUID accountId, Runnable work, boolean onBehalf) {
        Account a = find(accountId).orElseThrow(() -> new IllegalArgumentException("no account " + accountId));
        CurrentUser user = new CurrentUser(a.id(), a.organisationId(), a.username(), a.displayName(), a.role(), a.personId());
        CurrentUser.Holder principal = new CurrentUser.Holder() {
            @Override
            public CurrentUser currentUser() {
                return user;
            }

            @Override
            public boolean onBehalf() {
                return onBehalf;
            }
        };
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new UsernamePasswordAuthenticationToken(principal, null,
                List.of(new SimpleGrantedAuthority(a.role().authority()))));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static Account map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Account(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                rs.getObject("person_id", UUID.class));
    }
}
