package org.dynreg.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/** The test profile turns the simulator on: only administrators tell it, and only about national ids. */
@SpringBootTest(classes = org.dynreg.DynregApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SimulatorControlTest {

    @Autowired TestRestTemplate rest;

    @Test
    void onlyAnAdministratorTellsTheSimulator() {
        for (String user : new String[] {"operator", "supervisor", "caseworker", "officer", "auditor", "partner"}) {
            assertThat(tell(user, "35202-1111111-1").getStatusCode().value()).as(user).isEqualTo(403);
        }
        assertThat(tell("admin", "35202-1111111-1").getStatusCode().value()).isEqualTo(204);
        assertThat(tell("admin", "3520211111112").getStatusCode().value()).isEqualTo(204);
    }

    @Test
    void anythingButANationalIdIsRefusedWith422() {
        for (String id : new String[] {"35202-111111-1", "352021111111", "35202111111123", "abcde-fghijkl-m", "0x1F"}) {
            ResponseEntity<JsonNode> r = tell("admin", id);
            assertThat(r.getStatusCode().value()).as(id).isEqualTo(422);
            assertThat(r.getBody().toString()).as(id).contains("nationalId");
        }
    }

    ResponseEntity<JsonNode> tell(String user, String nationalId) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, user + "-pass");
        return rest.exchange("/api/simulator/identity/" + nationalId, HttpMethod.PUT,
                new HttpEntity<>(Map.of("behaviour", "REJECT"), h), JsonNode.class);
    }
}
