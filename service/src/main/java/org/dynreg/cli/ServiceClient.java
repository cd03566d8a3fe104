package org.dynreg.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Calls the running service with the caller's credentials (DYNREG_URL, DYNREG_USER, DYNREG_PASSWORD). */
@Component
class ServiceClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json;
    private final String base;
    private final String user;
    private final String password;

    ServiceClient(ObjectMapper json,
                  @Value("${DYNREG_URL:http://localhost:8080}") String base,
                  @Value("${DYNREG_USER:}") String user,
                  @Value("${DYNREG_PASSWORD:}") String password) {
        this.json = json;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.user = user;
        this.password = password;
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    JsonNode postJson(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private JsonNode send(HttpRequest.Builder request) {
        if (user.isBlank()) {
            throw new CliFailure(CliFailure.NOT_ALLOWED, "set DYNREG_USER and DYNREG_PASSWORD to a registry user (see README)");
        }
        request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        request.header("Accept", "application/json, application/problem+json");
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new CliFailure(CliFailure.UNREACHABLE, "no dynreg service answers at " + base
                    + ": start it first (README, 'Start the service') or set DYNREG_URL");
        } catch (IOException e) {
            throw new CliFailure(CliFailure.UNREACHABLE, "the service at " + base + " could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(1, "interrupted");
        }
        JsonNode body = parse(response.body());
        int status = response.statusCode();
        if (status < 300) {
            return body;
        }
        String detail = body != null && body.hasNonNull("detail") ? body.get("detail").asText() : "HTTP " + status;
        StringBuilder msg = new StringBuilder(detail);
        if (body != null && body.has("errors")) {
            body.get("errors").forEach(e -> msg.append("\n  ").append(e.get("path").asText()).append(": ").append(e.get("message").asText()));
        }
        if (body != null && body.has("problems")) {
            body.get("problems").forEach(p -> msg.append("\n  ").append(p.get("location").asText()).append(": ")
                    .append(p.get("problem").get("message").asText()));
        }
        int code = switch (status) {
            case 401, 403 -> CliFailure.NOT_ALLOWED;
            case 404 -> CliFailure.NOT_FOUND;
            case 400, 409, 422 -> CliFailure.REFUSED;
            default -> 1;
        };
        throw new CliFailure(code, msg.toString());
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
