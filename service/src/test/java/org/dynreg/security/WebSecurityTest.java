package org.dynreg.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dynreg.RestAs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/** Sign-in throttling and response headers, through HTTP as a client sees them. */
@SpringBootTest(classes = org.dynreg.DynregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WebSecurityTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired ObjectMapper json;
    @LocalServerPort int port;
    final HttpClient client = HttpClient.newHttpClient();

    @Test
    void fiftyWrongPasswordsThenTheRightOneAreRefusedWith429AndRetryAfterWhileOthersSignIn() throws Exception {
        String user = "throttled-" + System.nanoTime() % 1_000_000;
        jdbc.update("insert into app_user (username, password_hash, display_name, enabled) values (?, ?, 'Throttled', true)",
                user, encoder.encode("the-right-one"));
        jdbc.update("insert into app_user_role (username, role) values (?, 'AUDITOR')", user);

        for (int i = 0; i < 50; i++) {
            HttpResponse<String> r = as(user, "guess-" + i, "/api/policy/active");
            assertThat(r.statusCode()).as("try %d: %s", i, r.body()).isEqualTo(i < 5 ? 401 : 429);
        }
        HttpResponse<String> right = as(user, "the-right-one", "/api/policy/active");

        assertThat(right.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(right.headers().firstValue(HttpHeaders.RETRY_AFTER).orElseThrow())).isBetween(1L, 60L);
        assertThat(right.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValue("application/problem+json");
        assertThat(json.readTree(right.body()).get("status").asInt()).isEqualTo(429);
        assertThat(RestAs.get(rest, "auditor", "/api/policy/active").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void apiAnswersCarryTheSecurityHeadersAndAreNotCached() {
        for (ResponseEntity<JsonNode> r : List.of(RestAs.get(rest, "auditor", "/api/policy/active"),
                RestAs.get(rest, "caseworker", "/api/households/987654321"),
                rest.getForEntity("/api/households/1", JsonNode.class))) {
            HttpHeaders h = r.getHeaders();
            assertThat(r.getStatusCode().value()).isIn(200, 404, 401);
            assertThat(h.getFirst("Content-Security-Policy")).as("%s", r.getStatusCode())
                    .contains("default-src 'none'").contains("frame-ancestors 'none'");
            assertThat(h.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(h.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(h.getFirst("X-Frame-Options")).isEqualTo("DENY");
            assertThat(h.getCacheControl()).contains("no-store");
            // served over plain HTTP here: HSTS is for HTTPS answers only
            assertThat(h.getFirst("Strict-Transport-Security")).isNull();
        }
    }

    @Test
    void theSwaggerUiGetsAPolicyThatLetsItsOwnScriptsAndStylesRun() {
        ResponseEntity<String> page = rest.getForEntity("/swagger-ui/index.html", String.class);

        assertThat(page.getStatusCode().value()).isEqualTo(200);
        String csp = page.getHeaders().getFirst("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").contains("style-src 'self' 'unsafe-inline'").doesNotContain("default-src 'none'");
        // every script of the page is a file of its own (script-src 'self' allows no inline script)
        assertThat(page.getBody()).containsPattern("<script src=\"[^\"]+\"").doesNotContainPattern("<script>\\s*\\S");
        assertThat(rest.getForEntity("/swagger-ui/swagger-initializer.js", String.class).getStatusCode().value()).isEqualTo(200);
    }

    /** The JDK's own client: it neither retries on 429 nor follows Retry-After, so each answer is seen as sent. */
    /**
     * A role that may not use an endpoint is answered 403 before its body is read: not told which fields the body
     * lacks (422) or that it is not JSON (400), which would describe an endpoint it may not use.
     */
    @Test
    void aRoleThatMayNotUseAnEndpointIsRefusedBeforeItsBodyIsRead() throws Exception {
        long jobs = jdbc.queryForObject("select count(*) from BATCH_JOB_EXECUTION", Long.class);
        for (String[] c : List.of(new String[] {"operator", "{\"provnce\":\"PUNJAB\"}"}, new String[] {"partner", "{\"provnce\""},
                new String[] {"caseworker", "{\"scope\":\"REGISTRY\"}"})) {
            HttpResponse<String> r = post(c[0], "/api/jobs/rescoring", c[1]);
            assertThat(r.statusCode()).as("%s: %s", c[0], r.body()).isEqualTo(403);
            assertThat(json.readTree(r.body()).get("detail").asText()).isEqualTo("Your role does not allow this.");
        }
        assertThat(jdbc.queryForObject("select count(*) from BATCH_JOB_EXECUTION", Long.class)).isEqualTo(jobs);
        // a role that may, with the same misspelt body, is told what is wrong with it
        assertThat(post("officer", "/api/jobs/rescoring", "{\"provnce\":\"PUNJAB\"}").statusCode()).isEqualTo(422);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithTheSecurityHeadersAndNamesTheRequestRefused() throws Exception {
        HttpResponse<String> r = post("operator", "/api/surveys", "{\"comment\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("default-src 'none'"));
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        JsonNode p = json.readTree(r.body());
        assertThat(p.get("instance").asText()).isEqualTo("/api/surveys");
        assertThat(p.get("title").asText()).isEqualTo("Request too large");
    }

    HttpResponse<String> post(String user, String path, String body) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + user + "-pass").getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> as(String user, String password, String path) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + basic).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
