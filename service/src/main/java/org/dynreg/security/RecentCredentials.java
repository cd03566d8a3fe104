package org.dynreg.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic sends the password with every request, and checking a stored password hash is slow on
 * purpose (tens of milliseconds of CPU): without this, a registration centre's every survey would pay
 * for it. A successful sign-in is remembered for {@code dynreg.security.credential-cache} under a salted
 * SHA-256 of name and password (never the password), so the same credentials within that time skip the
 * slow check; a wrong password never matches, and a changed role or disabled user takes effect when the
 * entry expires.
 */
final class RecentCredentials implements AuthenticationProvider {
    static final int MAX_ENTRIES = 10_000;

    private record Remembered(Authentication authentication, Instant until) {
    }

    private final AuthenticationProvider slow;
    private final Duration keep;
    private final Clock clock;
    private final byte[] salt = new byte[32];
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    RecentCredentials(AuthenticationProvider slow, Duration keep, Clock clock) {
        this.slow = slow;
        this.keep = keep;
        this.clock = clock;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        if (keep.isZero() || !(request.getCredentials() instanceof String password)) {
            return slow.authenticate(request);
        }
        String key = key(request.getName(), password);
        Instant now = clock.instant();
        Remembered r = remembered.get(key);
        if (r != null && now.isBefore(r.until())) {
            return r.authentication();
        }
        Authentication done = slow.authenticate(request);
        if (done != null && done.isAuthenticated()) {
            if (remembered.size() >= MAX_ENTRIES) {
                remembered.clear();
            }
            remembered.put(key, new Remembered(UsernamePasswordAuthenticationToken.authenticated(done.getPrincipal(), null,
                    done.getAuthorities()), now.plus(keep)));
        }
        return done;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return slow.supports(authentication);
    }

    private String key(String name, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
