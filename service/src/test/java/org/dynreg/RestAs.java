package org.dynreg;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.function.Supplier;

/** REST calls as one of the local users (password {@code user + "-pass"}), answers read as JSON. */
public final class RestAs {
    private RestAs() {
    }

    /**
     * Sends again, as the API tells a client it may, a request answered 503 with Retry-After (the service rolled it
     * back: a lock conflict or a lost database connection on a loaded test machine), up to three more times, one
     * second apart. Any other answer, and the fourth 503, is the test's to judge.
     */
    static ResponseEntity<JsonNode> retried(Supplier<ResponseEntity<JsonNode>> request) {
        ResponseEntity<JsonNode> answer = request.get();
        for (int attempt = 1; attempt < 4 && answer.getStatusCode().value() == 503
                && answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER) != null; attempt++) {
            System.err.println("answered 503 (" + answer.getBody() + "); sent again");
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return answer;
            }
            answer = request.get();
        }
        return answer;
    }

    public static ResponseEntity<JsonNode> get(TestRestTemplate rest, String user, String path) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, user + "-pass");
        return retried(() -> rest.exchange(path, HttpMethod.GET, new HttpEntity<>(h), JsonNode.class));
    }

    public static ResponseEntity<JsonNode> post(TestRestTemplate rest, String user, String path, Object body) {
        HttpHeaders h = new HttpHeaders();
        h.setBasicAuth(user, user + "-pass");
        h.setContentType(MediaType.APPLICATION_JSON);
        return retried(() -> rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, h), JsonNode.class));
    }
}
