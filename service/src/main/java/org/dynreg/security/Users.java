package org.dynreg.security;

import org.dynreg.api.InvalidRequestException;
import org.dynreg.api.NotFoundException;
import org.dynreg.audit.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The registry's users, their roles and their offices, managed by administrators; a user sets their own
 * password. A user created here is given a one-time password to sign in with and change; the local users
 * of a new installation ({@code <name>-pass}) are refused sign-in once an administrator created here has set
 * their own password (README, "Users").
 */
@Service("userAccounts")
public class Users {
    static final int MIN_PASSWORD = 12;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{1,59}");

    public record User(String username, String displayName, boolean enabled, List<Role> roles, List<Office> offices,
                       boolean ownPassword, String createdBy, Instant createdAt) {}

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final Offices offices;
    private final Clock clock;

    Users(JdbcTemplate jdbc, PasswordEncoder encoder, AuditTrail audit, Offices offices, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
        this.offices = offices;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<User> list() {
        Map<String, List<Role>> roles = new HashMap<>();
        jdbc.query("select username, role from app_user_role order by username, role",
                rs -> { roles.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(Role.valueOf(rs.getString(2))); });
        Map<String, List<Office>> assigned = new HashMap<>();
        jdbc.query("select username, scope, district, tehsil, site_id from user_office order by username, scope, district, tehsil, site_id",
                rs -> { assigned.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Office(
                        Office.Scope.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5))); });
        return jdbc.query("select username, display_name, enabled, password_set_at, created_by, created_at from app_user order by username",
                (rs, i) -> new User(rs.getString(1), rs.getString(2), rs.getBoolean(3), roles.getOrDefault(rs.getString(1), List.of()),
                        assigned.getOrDefault(rs.getString(1), List.of()), rs.getTimestamp(4) != null, rs.getString(5),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()));
    }

    @Transactional(readOnly = true)
    public User get(String username) {
        return list().stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow(() -> new NotFoundException("user", username));
    }

    /** Creates a user with a one-time password they must change ({@link #changeOwnPassword}). */
    @Transactional
    public User create(String username, String displayName, Collection<Role> roles, Collection<Office> assigned,
                       String initialPassword, String admin) {
        if (username == null || !NAME.matcher(username).matches()) {
            throw new InvalidRequestException("username", "must be 2 to 60 lower-case letters, digits, '.', '_' or '-', starting with a letter");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 120) {
            throw new InvalidRequestException("displayName", "is required, at most 120 characters");
        }
        requireRoles(roles);
        checkPolicy(username, initialPassword, "initialPassword");
        Integer taken = jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class, username);
        if (taken != null && taken > 0) {
            throw new InvalidRequestException("username", "user " + username + " already exists");
        }
        Instant now = clock.instant();
        jdbc.update("insert into app_user (username, password_hash, display_name, enabled, created_by, created_at) values (?, ?, ?, true, ?, ?)",
                username, encoder.encode(initialPassword), displayName.strip(), admin, Timestamp.from(now));
        insertRoles(username, roles);
        insertOffices(username, assigned == null ? List.of() : assigned, admin, now);
        audit.record(admin, "user.create", subject(username), Map.of("roles", roles.stream().map(Enum::name).sorted().toList(),
                "offices", labels(assigned)));
        return get(username);
    }

    @Transactional
    public User setRoles(String username, Collection<Role> roles, String admin) {
        get(username);
        requireRoles(roles);
        jdbc.update("delete from app_user_role where username = ?", username);
        insertRoles(username, roles);
        audit.record(admin, "user.roles", subject(username), Map.of("roles", roles.stream().map(Enum::name).sorted().toList()));
        return get(username);
    }

    /** Replaces the user's offices; an empty list leaves them with no case's work. */
    @Transactional
    public User setOffices(String username, Collection<Office> assigned, String admin) {
        get(username);
        jdbc.update("delete from user_office where username = ?", username);
        insertOffices(username, assigned == null ? List.of() : assigned, admin, clock.instant());
        audit.record(admin, "user.offices", subject(username), Map.of("offices", labels(assigned)));
        return get(username);
    }

    @Transactional
    public User setEnabled(String username, boolean enabled, String admin) {
        get(username);
        if (!enabled && username.equals(admin)) {
            throw new InvalidRequestException("enabled", "an administrator cannot disable themselves");
        }
        jdbc.update("update app_user set enabled = ? where username = ?", enabled, username);
        audit.record(admin, enabled ? "user.enable" : "user.disable", subject(username), Map.of());
        return get(username);
    }

    /** The language the user chose for the web console (a tag such as "en" or "ur"), or null for the default. */
    @Transactional(readOnly = true)
    public String language(String username) {
        List<String> found = jdbc.query("select coalesce(language, '') from app_user where username = ?", (rs, i) -> rs.getString(1), username);
        return found.isEmpty() || found.get(0).isEmpty() ? null : found.get(0);
    }

    /** The user's own choice of language for the web console; {@code supported} lists the tags it has messages for. */
    @Transactional
    public void setLanguage(String username, String language, Collection<String> supported) {
        if (language == null || !supported.contains(language)) {
            throw new InvalidRequestException("language", "must be one of " + String.join(", ", supported));
        }
        jdbc.update("update app_user set language = ? where username = ?", language, username);
    }

    /** The user's own new password, given their present one; refused unless it meets the policy. */
    @Transactional
    public void changeOwnPassword(String username, String oldPassword, String newPassword) {
        String hash = jdbc.query("select password_hash from app_user where username = ?", (rs, i) -> rs.getString(1), username)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("user", username));
        if (oldPassword == null || !encoder.matches(oldPassword, hash)) {
            throw new InvalidRequestException("oldPassword", "is not your present password");
        }
        checkPolicy(username, newPassword, "newPassword");
        if (newPassword.equals(oldPassword)) {
            throw new InvalidRequestException("newPassword", "must differ from the present one");
        }
        jdbc.update("update app_user set password_hash = ?, password_set_at = ? where username = ?", encoder.encode(newPassword),
                Timestamp.from(clock.instant()), username);
        audit.record(username, "user.password", subject(username), Map.of());
    }

    /** Length at least {@value #MIN_PASSWORD}, not the user name, not a local user's default password. */
    static void checkPolicy(String username, String password, String field) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new InvalidRequestException(field, "must be at least " + MIN_PASSWORD + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new InvalidRequestException(field, "must not contain the user name");
        }
        if (LocalUsers.USERS.stream().anyMatch(u -> lower.equals(u.username() + "-pass")) || lower.endsWith("-pass")) {
            throw new InvalidRequestException(field, "must not be a local user's default password");
        }
    }

    private void requireRoles(Collection<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidRequestException("roles", "at least one of " + List.of(Role.values()) + " is required");
        }
    }

    private void insertRoles(String username, Collection<Role> roles) {
        for (Role r : Set.copyOf(roles)) {
            jdbc.update("insert into app_user_role (username, role) values (?, ?)", username, r.name());
        }
    }

    private void insertOffices(String username, Collection<Office> assigned, String admin, Instant now) {
        for (Office o : new java.util.LinkedHashSet<>(assigned)) {
            checked(o);
            jdbc.update("insert into user_office (username, scope, district, tehsil, site_id, assigned_by, assigned_at) values (?, ?, ?, ?, ?, ?, ?)",
                    username, o.scope().name(), o.district(), o.tehsil(), o.siteId(), admin, Timestamp.from(now));
        }
    }

    /** An office names exactly what its scope needs. */
    static void checked(Office o) {
        if (o == null || o.scope() == null) {
            throw new InvalidRequestException("offices", "each office needs a scope: " + List.of(Office.Scope.values()));
        }
        boolean ok = switch (o.scope()) {
            case NATIONAL -> o.district().isEmpty() && o.tehsil().isEmpty() && o.siteId().isEmpty();
            case DISTRICT -> !o.district().isEmpty() && o.tehsil().isEmpty() && o.siteId().isEmpty();
            case TEHSIL -> !o.district().isEmpty() && !o.tehsil().isEmpty() && o.siteId().isEmpty();
            case SITE -> o.district().isEmpty() && o.tehsil().isEmpty() && !o.siteId().isEmpty();
        };
        if (!ok || o.district().length() > 80 || o.tehsil().length() > 80 || o.siteId().length() > 40) {
            throw new InvalidRequestException("offices", "a NATIONAL office names nothing, a DISTRICT office its district, "
                    + "a TEHSIL office its district and tehsil, a SITE office its siteId");
        }
    }

    private static List<String> labels(Collection<Office> assigned) {
        return assigned == null ? List.of() : assigned.stream().map(Office::label).toList();
    }

    private static String subject(String username) {
        return "user:" + username;
    }
}
