package org.dynreg.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Calls the running service with the caller's credentials (DYNREG_URL, DYNREG_USER, DYNREG_PASSWORD, or
 * {@code login} in the interactive shell). One client for the whole session: its connections are kept
 * open between commands, so a command costs one request, not a new connection.
 */
@Component
class ServiceClient {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /** How often a request answered 503 with Retry-After is sent in all, and the longest wait between two. */
    private static final int TRIES_AFTER_503 = 4;
    private static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(10);
    private final ObjectMapper json;
    private final String base;
    private volatile String user;
    private volatile String password;

    ServiceClient(ObjectMapper json,
                  @Value("${DYNREG_URL:http://localhost:8080}") String base,
                  @Value("${DYNREG_USER:}") String user,
                  @Value("${DYNREG_PASSWORD:}") String password) {
        this.json = json;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.user = user;
        this.password = password;
    }

    /** The user the commands run as; blank when nobody has signed in. */
    String user() {
        return user;
    }

    /**
     * Signs in for the rest of the session, once the service has accepted the user name and password.
     *
     * @throws CliFailure (not allowed) when the service refuses them; the earlier sign-in then stays
     */
    void signIn(String name, String secret) {
        HttpResponse<String> answer = exchange(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).GET(),
                HttpResponse.BodyHandlers.ofString(), name, secret);
        if (answer.statusCode() == 401 || answer.statusCode() == 429) {
            throw failure(answer.statusCode(), parse(answer.body()));
        }
        this.user = name;
        this.password = secret;
    }

    void signOut() {
        this.user = "";
        this.password = "";
    }

    /** The service's address, for messages. */
    String base() {
        return base;
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    JsonNode postJson(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    JsonNode putJson(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** Posts files (and text fields) as multipart/form-data, the way a browser uploads them. */
    JsonNode postFiles(String path, Map<String, String> fields, List<Path> files) {
        String boundary = "dynreg-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> f : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                        + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            for (Path file : files) {
                byte[] content;
                try {
                    content = Files.readAllBytes(file);
                } catch (NoSuchFileException e) {
                    throw new CliFailure(CliFailure.REFUSED, "no such file: " + file);
                }
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                        + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(content);
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliFailure(CliFailure.REFUSED, "a file could not be read: " + e.getMessage());
        }
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** Gets a file's bytes (a downloaded workbook), refusals reported like every other call. */
    byte[] getBytes(String path) {
        HttpResponse<byte[]> response = exchange(HttpRequest.newBuilder(URI.create(base + path)).GET(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() < 300) {
            return response.body();
        }
        throw failure(response.statusCode(), parse(new String(response.body(), StandardCharsets.UTF_8)));
    }

    /** Posts JSON and returns the answer's bytes (a workbook), refusals reported like every other call. */
    byte[] postJsonForBytes(String path, String body) {
        HttpResponse<byte[]> response = exchange(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() < 300) {
            return response.body();
        }
        throw failure(response.statusCode(), parse(new String(response.body(), StandardCharsets.UTF_8)));
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = parse(response.body());
        if (response.statusCode() < 300) {
            return body;
        }
        throw failure(response.statusCode(), body);
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        if (user.isBlank()) {
            throw new CliFailure(CliFailure.NOT_ALLOWED, "sign in: 'login --user NAME' in the shell, or set DYNREG_USER and "
                    + "DYNREG_PASSWORD to a registry user (see README)");
        }
        return exchange(request, handler, user, password);
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler, String user, String password) {
        request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        request.header("Accept", "application/json, application/problem+json, application/octet-stream, "
                + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try {
            HttpRequest built = request.timeout(Duration.ofMinutes(30)).build();
            HttpResponse<T> response = http.send(built, handler);
            // 503 with Retry-After: the service rolled the request back and says the same request can succeed later
            // (a lock conflict, a lost database connection). Asked again a few times before the shell gives up.
            for (int attempt = 1; attempt < TRIES_AFTER_503 && response.statusCode() == 503; attempt++) {
                long wait = response.headers().firstValue("Retry-After").map(ServiceClient::seconds).orElse(-1L);
                if (wait < 0) {
                    break;
                }
                Thread.sleep(Duration.ofSeconds(Math.min(wait, MAX_RETRY_WAIT.toSeconds())).toMillis());
                response = http.send(built, handler);
            }
            return response;
        } catch (ConnectException e) {
            throw new CliFailure(CliFailure.UNREACHABLE, "no dynreg service answers at " + base
                    + ": start it first (README, 'Two commands') or set DYNREG_URL");
        } catch (IOException e) {
            throw new CliFailure(CliFailure.UNREACHABLE, "the service at " + base + " could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(1, "interrupted");
        }
    }

    private static long seconds(String retryAfter) {
        try {
            return Math.max(0, Long.parseLong(retryAfter.trim()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static CliFailure failure(int status, JsonNode body) {
        String detail = body != null && body.hasNonNull("detail") ? body.get("detail").asText()
                : status == 405 ? "the service does not offer this (HTTP 405): is it an older version than this shell?" : "HTTP " + status;
        StringBuilder msg = new StringBuilder(detail);
        if (body != null && body.has("errors")) {
            body.get("errors").forEach(e -> msg.append("\n  ").append(e.get("path").asText()).append(": ").append(e.get("message").asText()));
        }
        if (body != null && body.has("problems")) {
            body.get("problems").forEach(p -> msg.append("\n  ").append(p.get("location").asText()).append(": ")
                    .append(p.get("problem").get("message").asText()));
        }
        int code = switch (status) {
            case 401, 403, 429 -> CliFailure.NOT_ALLOWED;
            case 404 -> CliFailure.NOT_FOUND;
            case 400, 409, 413, 422 -> CliFailure.REFUSED;
            case 503 -> CliFailure.UNREACHABLE;
            default -> 1;
        };
        if (body != null && body.has("mismatches")) {
            body.get("mismatches").forEach(m -> msg.append("\n  reference household ").append(m.get("household").asText())
                    .append(": ").append(String.join("; ", texts(m.get("differences")))));
        }
        return new CliFailure(code, msg.toString());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
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
