package org.samenkracht.identity.internal;

import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.UUID;

@Component
class AccountDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;

    AccountDetailsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("""
                        select id, organisation_id, username, display_name, role, person_id, password_hash, enabled, locked_until
                        from app_user where username = ?""")
                .param(username.trim().toLowerCase())
                .query((rs, i) -> {
                    Timestamp locked = rs.getTimestamp("locked_until");
                    return (UserDetails) new AccountPrincipal(
                            new CurrentUser(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                                    rs.getString("username"), rs.getString("display_name"),
                                    Role.valueOf(rs.getString("role")), rs.getObject("person_id", UUID.class)),
                            rs.getString("password_hash"), rs.getBoolean("enabled"),
                            locked == null ? null : locked.toInstant());
                })
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("unknown account"));
    }
}
