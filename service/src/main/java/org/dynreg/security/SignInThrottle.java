package org.dynreg.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Slows down password guessing, and refuses it before any password hash is computed, so that a flood
 * of wrong passwords costs the service next to nothing (docs/operator-guide.md, "Sign-in throttling").
 *
 * <ul>
 * <li>Per user name: after {@code maxFailures} wrong passwords in a row the name is locked for
 *     {@code lock}, doubled with every further wrong password after it ends, up to {@code maxLock}. While
 *     locked, every sign-in with that name is answered 429, the right password included.</li>
 * <li>An address this user signed in from within {@code knownFor} has a lock of its own for the name, so
 *     wrong passwords sent from elsewhere never lock a user out where they work.</li>
 * <li>Per client address: a bucket of {@code addressFailures} wrong passwords, one more every
 *     {@code addressRefill}; when empty, every sign-in from the address that would need a password
 *     check is answered 429, whatever the name.</li>
 * </ul>
 * Sign-ins answered from {@link RecentCredentials} cost no hash but pass the same checks.
 */
final class SignInThrottle implements AuthenticationProvider {
    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    static final int MAX_ENTRIES = 100_000;

    record Settings(int maxFailures, Duration lock, Duration maxLock, int addressFailures, Duration addressRefill,
                    Duration knownFor) {}

    /** Refused before the password was checked; {@code retryAfter} is when a new try may be checked. */
    static final class ThrottledException extends AuthenticationException {
        private final Duration retryAfter;

        ThrottledException(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }

    private record Failures(int count, Instant last, Instant lockedUntil) {}

    private record Bucket(double tokens, Instant at) {}

    private final AuthenticationProvider next;
    private final Settings settings;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();
    private final Map<String, Instant> knownUntil = new ConcurrentHashMap<>();

    SignInThrottle(AuthenticationProvider next, Settings settings, Clock clock) {
        this.next = next;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        String name = request.getName();
        String address = request.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null
                ? d.getRemoteAddress() : "unknown";
        Instant now = clock.instant();
        String key = key(name, address, now);
        refuseIfThrottled(key, address, now);
        Authentication done;
        try {
            done = next.authenticate(request);
        } catch (BadCredentialsException e) {
            failed(key, address, now);
            throw e;
        }
        if (done != null && done.isAuthenticated()) {
            // the user, where the failures were counted: at a known address only that address's count
            failures.remove(key);
            tidy(now);
            knownUntil.put(name + "\0" + address, now.plus(settings.knownFor()));
        }
        return done;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return next.supports(authentication);
    }

    /** The name's own lock, or its lock at an address the user signed in from recently. */
    private String key(String name, String address, Instant now) {
        Instant known = knownUntil.get(name + "\0" + address);
        return known != null && now.isBefore(known) ? name + "\0" + address : name;
    }

    private void refuseIfThrottled(String key, String address, Instant now) {
        Bucket b = refilled(addresses.get(address), now);
        if (b != null && b.tokens() < 1) {
            throw new ThrottledException("Too many wrong passwords from this address; try again later.",
                    Duration.ofMillis((long) Math.ceil((1 - b.tokens()) * settings.addressRefill().toMillis())));
        }
        Failures f = failures.get(key);
        if (f != null && f.lockedUntil() != null && now.isBefore(f.lockedUntil())) {
            throw new ThrottledException("Too many wrong passwords for this user name; try again later.",
                    Duration.between(now, f.lockedUntil()));
        }
    }

    private void failed(String key, String address, Instant now) {
        tidy(now);
        addresses.compute(address, (k, b) -> {
            Bucket r = refilled(b, now);
            return new Bucket((r == null ? settings.addressFailures() : r.tokens()) - 1, now);
        });
        Failures f = failures.compute(key, (k, old) -> {
            // a quiet spell as long as the longest lock forgives the past
            int count = old == null || old.last().plus(settings.maxLock()).isBefore(now) ? 1 : old.count() + 1;
            Instant until = null;
            if (count >= settings.maxFailures()) {
                int doublings = Math.min(count - settings.maxFailures(), 20);
                Duration lock = settings.lock().multipliedBy(1L << doublings);
                until = now.plus(lock.compareTo(settings.maxLock()) > 0 ? settings.maxLock() : lock);
            }
            return new Failures(count, now, until);
        });
        if (f.count() == settings.maxFailures()) {
            log.warn("Sign-in locked after {} wrong passwords in a row for one user name", f.count());
        }
    }

    /** The bucket as it stands at {@code now}; null when it is full (nothing to remember). */
    private Bucket refilled(Bucket b, Instant now) {
        if (b == null) {
            return null;
        }
        double tokens = b.tokens() + (double) Duration.between(b.at(), now).toMillis() / settings.addressRefill().toMillis();
        return tokens >= settings.addressFailures() ? null : new Bucket(tokens, now);
    }

    /** Keeps memory bounded: forgets what no longer matters, and everything if that is not enough. */
    private void tidy(Instant now) {
        if (failures.size() + addresses.size() + knownUntil.size() < MAX_ENTRIES) {
            return;
        }
        failures.values().removeIf(f -> f.last().plus(settings.maxLock()).isBefore(now));
        addresses.entrySet().removeIf(e -> refilled(e.getValue(), now) == null);
        knownUntil.values().removeIf(until -> !now.isBefore(until));
        if (failures.size() + addresses.size() + knownUntil.size() >= MAX_ENTRIES) {
            failures.clear();
            addresses.clear();
            knownUntil.clear();
        }
    }
}
