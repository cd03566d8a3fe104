package org.dynreg.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The throttle in front of the real password check (bcrypt through Spring Security's provider), on a
 * clock the test moves: what is refused is refused before any hash is computed.
 */
class SignInThrottleTest {

    static final SignInThrottle.Settings SETTINGS = new SignInThrottle.Settings(5, Duration.ofMinutes(1),
            Duration.ofMinutes(15), 20, Duration.ofSeconds(6), Duration.ofDays(1));

    final MovableClock clock = new MovableClock();
    final AtomicInteger hashChecks = new AtomicInteger();
    final SignInThrottle throttle;

    SignInThrottleTest() {
        PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        PasswordEncoder counted = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return bcrypt.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                hashChecks.incrementAndGet();
                return bcrypt.matches(raw, encoded);
            }
        };
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        for (String name : new String[] {"ayesha", "bilal", "zainab"}) {
            users.createUser(User.withUsername(name).password(bcrypt.encode(name + "-right")).roles("CASEWORKER").build());
        }
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(counted);
        provider.setUserDetailsService(users);
        throttle = new SignInThrottle(provider, SETTINGS, clock);
    }

    @Test
    void fiftyWrongPasswordsThenTheRightOneAreRefusedAndOnlyTheFirstFiveAreChecked() {
        for (int i = 0; i < 50; i++) {
            int n = i;
            Throwable t = catchThrowableOfType(Exception.class, () -> signIn("ayesha", "guess-" + n, "10.0.0.9"));
            assertThat(t).as("try %d", i).isInstanceOf(i < 5 ? BadCredentialsException.class : SignInThrottle.ThrottledException.class);
        }
        SignInThrottle.ThrottledException refused = catchThrowableOfType(SignInThrottle.ThrottledException.class,
                () -> signIn("ayesha", "ayesha-right", "10.0.0.9"));

        assertThat(refused).isNotNull();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(hashChecks).hasValue(5);
    }

    @Test
    void anotherUserSignsInMeanwhileFromTheSameAddress() {
        lockOut("ayesha", "10.0.0.9");

        assertThat(signIn("bilal", "bilal-right", "10.0.0.9").isAuthenticated()).isTrue();
    }

    @Test
    void afterTheLockEndsTheRightPasswordWorksAndTheNextLockIsLonger() {
        SignInThrottle.ThrottledException first = lockOut("ayesha", "10.0.0.9");
        clock.advance(first.retryAfter());

        assertThat(signIn("ayesha", "ayesha-right", "10.0.0.9").isAuthenticated()).isTrue();

        lockOut("ayesha", "10.0.0.10");
        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> signIn("ayesha", "wrong again", "10.0.0.10")).isInstanceOf(BadCredentialsException.class);
        SignInThrottle.ThrottledException longer = catchThrowableOfType(SignInThrottle.ThrottledException.class,
                () -> signIn("ayesha", "ayesha-right", "10.0.0.10"));
        assertThat(longer.retryAfter()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void wrongPasswordsFromElsewhereDoNotLockAUserOutWhereTheyWork() {
        assertThat(signIn("zainab", "zainab-right", "10.0.0.1").isAuthenticated()).isTrue();

        lockOut("zainab", "203.0.113.7");

        assertThat(signIn("zainab", "zainab-right", "10.0.0.1").isAuthenticated()).isTrue();
        assertThatThrownBy(() -> signIn("zainab", "zainab-right", "203.0.113.7"))
                .isInstanceOf(SignInThrottle.ThrottledException.class);
    }

    @Test
    void oneAddressGuessingManyNamesIsThrottledForEveryName() {
        for (int i = 0; i < 20; i++) {
            int n = i;
            assertThatThrownBy(() -> signIn("user" + n, "guess", "198.51.100.4")).isInstanceOf(BadCredentialsException.class);
        }
        int checked = hashChecks.get();
        SignInThrottle.ThrottledException refused = catchThrowableOfType(SignInThrottle.ThrottledException.class,
                () -> signIn("bilal", "bilal-right", "198.51.100.4"));

        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(6));
        assertThat(hashChecks).hasValue(checked);
        assertThat(signIn("bilal", "bilal-right", "198.51.100.5").isAuthenticated()).as("another address").isTrue();

        clock.advance(Duration.ofSeconds(6));
        assertThat(signIn("bilal", "bilal-right", "198.51.100.4").isAuthenticated()).isTrue();
    }

    SignInThrottle.ThrottledException lockOut(String name, String address) {
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> signIn(name, "wrong", address)).isInstanceOf(BadCredentialsException.class);
        }
        SignInThrottle.ThrottledException refused = catchThrowableOfType(SignInThrottle.ThrottledException.class,
                () -> signIn(name, name + "-right", address));
        assertThat(refused).as("locked").isNotNull();
        return refused;
    }

    Authentication signIn(String name, String password, String address) {
        UsernamePasswordAuthenticationToken request = UsernamePasswordAuthenticationToken.unauthenticated(name, password);
        request.setDetails(new WebAuthenticationDetails(address, null));
        return throttle.authenticate(request);
    }

    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2025-03-01T09:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
