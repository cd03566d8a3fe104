package org.dynreg.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;

/** As in production: no simulator, and an authority that says it is not configured rather than confirm anyone. */
@SpringBootTest(classes = org.dynreg.DynregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dynreg.identity.simulator=false")
@ActiveProfiles("test")
class SimulatorOffTest {

    @Autowired TestRestTemplate rest;
    @Autowired IdentityAuthority authority;

    @Test
    void theControlEndpointDoesNotExist() {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth("admin", "admin-pass");
        assertThat(rest.exchange("/api/simulator/identity/35202-1111111-1", HttpMethod.PUT,
                new HttpEntity<>(Map.of("behaviour", "ACCEPT"), h), JsonNode.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void noIdentityIsTakenAsConfirmed() {
        Verification v = authority.verify("35202-1111111-1", "Someone", LocalDate.of(1980, 1, 1));

        assertThat(v.status()).isEqualTo(Verification.Status.UNAVAILABLE);
        assertThat(v.reason()).contains("no identity authority is configured");
    }
}
