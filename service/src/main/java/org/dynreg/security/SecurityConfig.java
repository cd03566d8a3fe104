package org.dynreg.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.JdbcUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * HTTP Basic over the registry's own user table, no sessions. Endpoints name their roles with
 * {@code @PreAuthorize}; 401 and 403 answer as problem+json like every other error.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        // the error page only renders the status of a request already answered (org.dynreg.api.ErrorPage)
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/**", "/actuator/health",
                                "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint((req, res, e) ->
                        problem(res, json, HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign in with a registry user name and password (HTTP Basic).")))
                .exceptionHandling(x -> x
                        .authenticationEntryPoint((req, res, e) ->
                                problem(res, json, HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign in with a registry user name and password (HTTP Basic)."))
                        .accessDeniedHandler((req, res, e) ->
                                problem(res, json, HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this.")));
        return http.build();
    }

    @Bean
    JdbcUserDetailsManager users(DataSource dataSource) {
        JdbcUserDetailsManager users = new JdbcUserDetailsManager(dataSource);
        users.setUsersByUsernameQuery("select username, password_hash, enabled from app_user where username = ?");
        users.setAuthoritiesByUsernameQuery("select username, concat('ROLE_', role) from app_user_role where username = ?");
        return users;
    }

    @Bean
    AuthenticationProvider credentials(JdbcUserDetailsManager users, PasswordEncoder encoder, Clock clock,
                                       @Value("${dynreg.security.credential-cache:PT1M}") Duration keep) {
        DaoAuthenticationProvider slow = new DaoAuthenticationProvider(encoder);
        slow.setUserDetailsService(users);
        return new RecentCredentials(slow, keep, clock);
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
