package org.dynreg;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** REST calls as one of the local users (password {@code user + "-pass"}), answers read as JSON. */
public final class RestAs {
    private RestAs() {
    }

    public static ResponseEntity<JsonNode> get(TestRestTemplate rest, String user, String path) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, user + "-pass");
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(h), JsonNode.class);
    }

    public static ResponseEntity<JsonNode> post(TestRestTemplate rest, String user, String path, Object body) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, user + "-pass");
        h.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, h), JsonNode.class);
    }
}
