package org.dynreg.features;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's REST API as its users call it: each call signed in as one of the local users (password: name + "-pass")
 * or as a user a scenario created with a password of its own ({@link #password}).
 */
class ServiceClient {
    private final TestRestTemplate rest;
    private final java.util.Map<String, String> passwords = new java.util.concurrent.ConcurrentHashMap<>();

    /** Signs in as {@code user} with this password from now on. */
    void password(String user, String password) {
        passwords.put(user, password);
    }

    ServiceClient(TestRestTemplate rest) {
        this.rest = rest;
    }

    ResponseEntity<JsonNode> get(String user, String path) {
        return rest.exchange(path, HttpMethod.GET, signed(user, null, new HttpHeaders()), JsonNode.class);
    }

    /** A GET that must succeed. */
    JsonNode read(String user, String path) {
        ResponseEntity<JsonNode> r = get(user, path);
        assertThat(r.getStatusCode()).as("GET %s as %s: %s", path, user, r.getBody()).isEqualTo(HttpStatus.OK);
        return r.getBody();
    }

    ResponseEntity<JsonNode> post(String user, String path, Object body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, HttpMethod.POST, signed(user, body, h), JsonNode.class);
    }

    ResponseEntity<JsonNode> put(String user, String path, Object body) {
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, HttpMethod.PUT, signed(user, body, h), JsonNode.class);
    }

    /** Uploads one file as a policy officer's browser would: multipart, with the file's own name and a comment. */
    ResponseEntity<JsonNode> upload(String user, String path, String fileName, byte[] content, String comment) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("files", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        form.add("comment", comment);
        HttpHeaders h = new HttpHeaders();
        h.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.exchange(path, HttpMethod.POST, signed(user, form, h), JsonNode.class);
    }

    /** Submits a survey as the data-entry operator; returns the household id, survey id and decision. */
    JsonNode submitSurvey(JsonNode survey) {
        ResponseEntity<JsonNode> r = post("operator", "/api/surveys", survey);
        assertThat(r.getStatusCode()).as("the service's answer to the survey: %s", r.getBody()).isEqualTo(HttpStatus.CREATED);
        return r.getBody();
    }

    private <T> HttpEntity<T> signed(String user, T body, HttpHeaders h) {
        h.setBasicAuth(user, passwords.getOrDefault(user, user + "-pass"));
        return new HttpEntity<>(body, h);
    }
}
