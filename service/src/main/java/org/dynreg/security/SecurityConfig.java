package org.dynreg.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

/**
 * Two ways in over the same users, the same throttled password check and the same roles. The API (REST, the
 * shell, Swagger, actuator) is HTTP Basic with no sessions, 401 and 403 answered as problem+json like every
 * other error. The web console (every other path) signs in with a form, keeps a session and checks a CSRF token
 * on every change (decision 31). Endpoints and pages name their roles with {@code @PreAuthorize}.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    /** The Swagger UI's page and assets: the only responses that run scripts and show images. */
    static final String[] SWAGGER_UI = {"/swagger-ui.html", "/swagger-ui/**"};

    /** The API's paths: everything else is the web console's. */
    static final String[] API = {"/api/**", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/actuator/**"};

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, AuthenticationProvider credentials,
                            @Value("${dynreg.security.content-security-policy}") String apiPolicy,
                            @Value("${dynreg.security.swagger-ui-content-security-policy}") String swaggerPolicy,
                            @Value("${dynreg.security.hsts-max-age}") Duration hstsMaxAge) throws Exception {
        RequestMatcher swagger = new OrRequestMatcher(Arrays.stream(SWAGGER_UI).map(AntPathRequestMatcher::new)
                .toArray(RequestMatcher[]::new));
        AuthenticationEntryPoint unauthenticated = unauthenticated(json);
        // Spring Security's defaults stay: nosniff, frame options DENY, Cache-Control no-store; HSTS on HTTPS only.
        http.headers(h -> h
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swagger,
                        new StaticHeadersWriter("Content-Security-Policy", swaggerPolicy)))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swagger),
                        new StaticHeadersWriter("Content-Security-Policy", apiPolicy)))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                .frameOptions(f -> f.deny())
                .httpStrictTransportSecurity(t -> t.includeSubDomains(true).maxAgeInSeconds(hstsMaxAge.toSeconds())));
        // The throttled check and nothing else: no parent manager that would check a refused password after all.
        http.authenticationManager(new ProviderManager(credentials));
        http.securityMatcher(API);
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        // the error page only renders the status of a request already answered (org.dynreg.api.ErrorPage)
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers(SWAGGER_UI).permitAll()
                        .requestMatchers("/v3/api-docs/**", "/actuator/health", "/actuator/health/liveness",
                                "/actuator/health/readiness").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(x -> x
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((req, res, e) ->
                                problem(res, json, HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this.")));
        return http.build();
    }

    /**
     * The web console: sign-in form at /login, a session (its cookie HttpOnly, SameSite=Lax), CSRF tokens on every
     * form and htmx request, and a content security policy that lets pages load only the service's own scripts and
     * styles. A page's roles are checked by its controller like an endpoint's; a page the role may not open
     * answers 403 with a page saying so.
     */
    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http, AuthenticationProvider credentials, ObjectMapper json,
                                @Value("${dynreg.console.content-security-policy}") String consolePolicy,
                                @Value("${dynreg.security.hsts-max-age}") Duration hstsMaxAge) throws Exception {
        http.authenticationManager(new ProviderManager(credentials));
        http.headers(h -> h
                .addHeaderWriter(new StaticHeadersWriter("Content-Security-Policy", consolePolicy))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(f -> f.deny())
                .httpStrictTransportSecurity(t -> t.includeSubDomains(true).maxAgeInSeconds(hstsMaxAge.toSeconds())));
        http.authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .dispatcherTypeMatchers(DispatcherType.FORWARD).permitAll()
                        .requestMatchers("/login", "/forbidden", "/webjars/**", "/console/**", "/favicon.ico").permitAll()
                        .anyRequest().authenticated())
                // an API client (HTTP Basic, no text/html) on a path outside the API is answered as by the API
                .httpBasic(b -> b.authenticationEntryPoint(unauthenticated(json)))
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true)
                        .failureHandler((req, res, e) -> res.sendRedirect(req.getContextPath()
                                + (e instanceof SignInThrottle.ThrottledException ? "/login?throttled" : "/login?error"))))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedout"))
                .exceptionHandling(x -> x
                        .authenticationEntryPoint((req, res, e) -> {
                            String accept = req.getHeader(HttpHeaders.ACCEPT);
                            if (accept != null && accept.contains("text/html")) {
                                res.sendRedirect(req.getContextPath() + "/login");
                            } else {
                                unauthenticated(json).commence(req, res, e);
                            }
                        })
                        .accessDeniedPage("/forbidden"));
        return http.build();
    }

    /** 401 (or 429 when throttled) as problem+json. */
    private static AuthenticationEntryPoint unauthenticated(ObjectMapper json) {
        return (req, res, e) -> {
            if (e instanceof SignInThrottle.ThrottledException t) {
                res.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, (t.retryAfter().toMillis() + 999) / 1000)));
                problem(res, json, HttpStatus.TOO_MANY_REQUESTS, "sign-in-throttled", t.getMessage());
            } else {
                problem(res, json, HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign in with a registry user name and password (HTTP Basic).");
            }
        };
    }

    @Bean
    JdbcUserDetailsManager users(DataSource dataSource) {
        JdbcUserDetailsManager users = new JdbcUserDetailsManager(dataSource);
        // a local user still on its default password is disabled once a real administrator exists (LocalUsers)
        users.setUsersByUsernameQuery("select username, password_hash, enabled and not (created_by is null and password_set_at is null "
                + "and exists (select 1 from app_user a join app_user_role r on r.username = a.username and r.role = 'ADMINISTRATOR' "
                + "where a.created_by is not null and a.password_set_at is not null and a.enabled)) from app_user where username = ?");
        users.setAuthoritiesByUsernameQuery("select username, concat('ROLE_', role) from app_user_role where username = ?");
        return users;
    }

    @Bean
    AuthenticationProvider credentials(JdbcUserDetailsManager users, PasswordEncoder encoder, Clock clock,
                                       @Value("${dynreg.security.credential-cache:PT1M}") Duration keep,
                                       SignInThrottle.Settings throttle) {
        DaoAuthenticationProvider slow = new DaoAuthenticationProvider(encoder);
        slow.setUserDetailsService(users);
        return new SignInThrottle(new RecentCredentials(slow, keep, clock), throttle, clock);
    }

    @Bean
    SignInThrottle.Settings signInThrottleSettings(
            @Value("${dynreg.security.sign-in.max-failures}") int maxFailures,
            @Value("${dynreg.security.sign-in.lock}") Duration lock,
            @Value("${dynreg.security.sign-in.max-lock}") Duration maxLock,
            @Value("${dynreg.security.sign-in.address-failures}") int addressFailures,
            @Value("${dynreg.security.sign-in.address-refill}") Duration addressRefill,
            @Value("${dynreg.security.sign-in.known-address}") Duration knownFor) {
        return new SignInThrottle.Settings(maxFailures, lock, maxLock, addressFailures, addressRefill, knownFor);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    static void problem(HttpServletResponse res, ObjectMapper json, HttpStatus status, String type, String detail) throws IOException {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("https://dynreg.org/problems/" + type));
        res.setStatus(status.value());
        res.setContentType("application/problem+json");
        json.writeValue(res.getOutputStream(), p);
    }
}
