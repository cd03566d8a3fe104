package org.dynreg.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecentCredentialsTest {
    final AtomicInteger slowChecks = new AtomicInteger();
    final AuthenticationProvider passwordHash = new AuthenticationProvider() {
        @Override
        public Authentication authenticate(Authentication a) {
            slowChecks.incrementAndGet();
            if (!"right".equals(a.getCredentials())) {
                throw new BadCredentialsException("bad credentials");
            }
            return UsernamePasswordAuthenticationToken.authenticated(a.getName(), null,
                    List.of(new SimpleGrantedAuthority("ROLE_DATA_ENTRY_OPERATOR")));
        }

        @Override
        public boolean supports(Class<?> c) {
            return true;
        }
    };

    @Test
    void theSameCredentialsWithinTheWindowSkipTheSlowCheckAndKeepTheirRoles() {
        RecentCredentials cache = new RecentCredentials(passwordHash, Duration.ofMinutes(1), Clock.systemUTC());
        Authentication first = cache.authenticate(token("operator", "right"));
        Authentication second = cache.authenticate(token("operator", "right"));
        assertThat(slowChecks).hasValue(1);
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getCredentials()).isNull();
        assertThat(second.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_DATA_ENTRY_OPERATOR");
        assertThat(first.getName()).isEqualTo(second.getName());
    }

    @Test
    void aWrongPasswordIsCheckedEveryTimeAndNeverRemembered() {
        RecentCredentials cache = new RecentCredentials(passwordHash, Duration.ofMinutes(1), Clock.systemUTC());
        cache.authenticate(token("operator", "right"));
        assertThatThrownBy(() -> cache.authenticate(token("operator", "wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> cache.authenticate(token("operator", "wrong"))).isInstanceOf(BadCredentialsException.class);
        assertThat(slowChecks).hasValue(3);
    }

    @Test
    void anExpiredEntryIsCheckedAgainAndAZeroWindowChecksEveryTime() {
        Instant[] now = {Instant.parse("2026-11-25T10:00:00Z")};
        Clock clock = new Clock() {
            public ZoneOffset getZone() { return ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId z) { return this; }
            public Instant instant() { return now[0]; }
        };
        RecentCredentials cache = new RecentCredentials(passwordHash, Duration.ofMinutes(1), clock);
        cache.authenticate(token("operator", "right"));
        now[0] = now[0].plusSeconds(61);
        cache.authenticate(token("operator", "right"));
        assertThat(slowChecks).hasValue(2);
        RecentCredentials none = new RecentCredentials(passwordHash, Duration.ZERO, clock);
        none.authenticate(token("operator", "right"));
        none.authenticate(token("operator", "right"));
        assertThat(slowChecks).hasValue(4);
    }

    private static Authentication token(String name, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(name, password);
    }
}
