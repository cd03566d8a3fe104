package org.dynreg.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * On an installation with no users yet, creates one local user per role (documented in the README)
 * so the service can be tried at once, each working for the whole country (a NATIONAL office). They are
 * refused sign-in once an administrator created through {@link Users} has set their own password, unless
 * they set their own password too. Switch off with {@code dynreg.security.local-users=false}. Done at
 * start-up before the web server accepts requests, so that the first request already finds its user.
 */
@Component
@ConditionalOnProperty(name = "dynreg.security.local-users", havingValue = "true", matchIfMissing = true)
class LocalUsers implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(LocalUsers.class);

    record LocalUser(String username, String displayName, List<Role> roles) {}

    static final List<LocalUser> USERS = List.of(
            new LocalUser("operator", "Data-entry operator", List.of(Role.DATA_ENTRY_OPERATOR)),
            new LocalUser("officer", "Policy officer", List.of(Role.POLICY_OFFICER)),
            new LocalUser("officer2", "Second policy officer", List.of(Role.POLICY_OFFICER)),
            new LocalUser("caseworker", "Caseworker", List.of(Role.CASEWORKER)),
            new LocalUser("supervisor", "Supervisor", List.of(Role.SUPERVISOR)),
            new LocalUser("caseworker2", "Second caseworker", List.of(Role.CASEWORKER)),
            new LocalUser("lead", "Team lead (caseworker and supervisor)", List.of(Role.CASEWORKER, Role.SUPERVISOR)),
            new LocalUser("auditor", "Auditor", List.of(Role.AUDITOR)),
            new LocalUser("partner", "Partner agency", List.of(Role.PARTNER)),
            new LocalUser("admin", "System administrator", List.of(Role.ADMINISTRATOR)));

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final TransactionTemplate tx;

    LocalUsers(JdbcTemplate jdbc, PasswordEncoder encoder, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.tx = tx;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            tx.executeWithoutResult(s -> createIfNone());
        } catch (DuplicateKeyException e) {
            log.info("another instance created the local users first");
        }
    }

    private void createIfNone() {
        Integer existing = jdbc.queryForObject("select count(*) from app_user", Integer.class);
        if (existing != null && existing > 0) {
            return;
        }
        for (LocalUser u : USERS) {
            jdbc.update("insert into app_user (username, password_hash, display_name, enabled) values (?, ?, ?, true)",
                    u.username(), encoder.encode(u.username() + "-pass"), u.displayName());
            // the whole country's work, as on a single-office trial installation (README, "Users")
            jdbc.update("insert into user_office (username, scope, assigned_by, assigned_at) values (?, 'NATIONAL', 'system', current_timestamp(3))",
                    u.username());
            for (Role r : u.roles()) {
                jdbc.update("insert into app_user_role (username, role) values (?, ?)", u.username(), r.name());
            }
        }
        log.info("created {} local users, at least one per role (README, \"Users\"; password: user name + '-pass'); change them before real use", USERS.size());
    }
}
