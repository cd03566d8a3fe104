package org.dynreg.benchmark;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The console's pages as a browser asks for them: signed in once through the sign-in form (GET /login for the
 * CSRF token, POST /login, then the session cookie), or with HTTP Basic when the measure is pointed at the API
 * instead; then, one request at a time after a warm-up, N requests of each: the first page of the group's work
 * list, the list filtered by the district with most open tasks, a page deep in the list, and the household page of
 * random households. Each answer must be 200 and carry what the page shows (a district of the list; the
 * household's id), else it is counted as an error and not timed. Times are taken at the client on loopback and,
 * from Tomcat's access log (one line per request, marked with a request header), at the server: from the request
 * read to the response written.
 */
final class ConsolePages {
    /** Request header that marks each timed request in the access log. */
    static final String MARK = "X-Benchmark-Request";
    /** The access log's pattern: the mark, the status and the server's time in microseconds. */
    static final String ACCESS_LOG_PATTERN = "%{" + MARK + "}i %s %{us}T";

    record Target(String workPath, String householdPath, boolean form, String user, int pageSize) {
    }

    record Result(String name, String path, long requests, long errors, double p50Millis, double p99Millis, double maxMillis,
                  double serverP50Millis, double serverP99Millis, double serverMaxMillis, long serverTimed) {
        boolean met(double targetMillis) {
            double p99 = serverTimed > 0 ? serverP99Millis : p99Millis;
            return errors == 0 && p99 < targetMillis;
        }
    }

    private final HttpClient http;
    private final String base;
    private final Target target;
    private final DataSource dataSource;
    private final Path accessLogDir;
    private final Random random;
    private String basic;
    private long marks;
    private final Set<String> districts = new LinkedHashSet<>();

    ConsolePages(int port, Target target, DataSource dataSource, Path accessLogDir, long seed) {
        this.base = "http://127.0.0.1:" + port;
        this.target = target;
        this.dataSource = dataSource;
        this.accessLogDir = accessLogDir;
        this.random = new Random(seed);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager()).build();
    }

    /** Signs in as the browser does (or prepares HTTP Basic) and checks that the work list answers. */
    void signIn() throws IOException, InterruptedException {
        String password = target.user() + "-pass";
        if (!target.form()) {
            basic = "Basic " + Base64.getEncoder().encodeToString((target.user() + ":" + password).getBytes(StandardCharsets.UTF_8));
            return;
        }
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String csrf = hiddenField(form.body(), "_csrf");
        if (form.statusCode() != 200 || csrf == null) {
            throw new IllegalStateException("GET /login answered " + form.statusCode() + (csrf == null ? " without a _csrf field" : ""));
        }
        String body = "username=" + encode(target.user()) + "&password=" + encode(password) + "&_csrf=" + encode(csrf);
        HttpResponse<String> signed = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        String location = signed.headers().firstValue("Location").orElse("");
        if (signed.statusCode() != 302 || location.contains("error") || location.contains("throttled")) {
            throw new IllegalStateException("POST /login as " + target.user() + " answered " + signed.statusCode() + " to " + location);
        }
    }

    static String hiddenField(String html, String name) {
        Matcher input = Pattern.compile("<input[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*>").matcher(html);
        if (!input.find()) {
            return null;
        }
        Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
        return value.find() ? value.group(1) : null;
    }

    /** The four measures, each {@code requests} requests after {@code warmUp} untimed ones. */
    List<Result> measure(int requests, int warmUp) throws Exception {
        long visible = visibleTasks();
        String district = busiestDistrict();
        districtsOfOpenCases();
        int deepPage = (int) Math.max(0, (visible * 9 / 10) / Math.max(1, target.pageSize()));
        String size = "&size=" + target.pageSize();
        // the console's work list names its tab "tab", the API's list "scope": both are sent, each ignores the other's
        String group = "?tab=group&scope=group";
        List<Result> results = new ArrayList<>();
        results.add(time("work list, first page of the group's tasks", target.workPath() + group + "&page=0" + size,
                n -> target.workPath() + group + "&page=0" + size, this::showsADistrict, requests, warmUp));
        results.add(time("work list filtered by district (" + district + ")",
                target.workPath() + group + "&district=" + encode(district) + "&page=0" + size,
                n -> target.workPath() + group + "&district=" + encode(district) + "&page=0" + size,
                b -> b.contains(district), requests, warmUp));
        results.add(time("work list, page " + deepPage + " of the group's tasks (90% deep)",
                target.workPath() + group + "&page=" + deepPage + size,
                n -> target.workPath() + group + "&page=" + deepPage + size, this::showsADistrict, requests, warmUp));
        long[] ids = randomHouseholds(requests + warmUp);
        results.add(time("household page of a random household", target.householdPath(),
                n -> target.householdPath().replace("{id}", String.valueOf(ids[n])), null, requests, warmUp, ids));
        return results;
    }

    private boolean showsADistrict(String body) {
        return districts.stream().anyMatch(body::contains);
    }

    interface Paths {
        String path(int n);
    }

    private Result time(String name, String shown, Paths paths, Predicate<String> shows, int requests, int warmUp)
            throws IOException, InterruptedException {
        return time(name, shown, paths, shows, requests, warmUp, null);
    }

    private Result time(String name, String shown, Paths paths, Predicate<String> shows, int requests, int warmUp, long[] ids)
            throws IOException, InterruptedException {
        long[] client = new long[requests];
        List<String> timedMarks = new ArrayList<>();
        int timed = 0;
        long errors = 0;
        for (int n = 0; n < warmUp + requests; n++) {
            String mark = "r" + (++marks);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + paths.path(n))).timeout(Duration.ofSeconds(120))
                    .header(MARK, mark).header("Accept", "text/html,application/json").GET();
            if (basic != null) {
                request.header("Authorization", basic);
            }
            long start = System.nanoTime();
            HttpResponse<String> response;
            String failure = null;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // an answer broken off half way (e.g. a page that failed while it was being written)
                response = null;
                failure = "an answer broken off: " + e.getMessage();
            }
            long nanos = System.nanoTime() - start;
            String id = ids == null ? null : String.valueOf(ids[n]);
            Predicate<String> expected = id == null ? shows : b -> b.contains(id);
            boolean ok = response != null && response.statusCode() == 200 && expected.test(response.body());
            if (response != null && !ok) {
                failure = "answered " + response.statusCode() + (response.statusCode() == 200 ? " without the page's content" : "");
            }
            if (n < warmUp) {
                if (!ok && n == 0) {
                    throw new IllegalStateException(name + ": " + paths.path(n) + " " + failure);
                }
                continue;
            }
            if (!ok) {
                errors++;
                continue;
            }
            client[timed++] = nanos;
            timedMarks.add(mark);
        }
        long[] clientTimes = Arrays.copyOf(client, timed);
        Arrays.sort(clientTimes);
        long[] server = serverTimes(timedMarks);
        Arrays.sort(server);
        Benchmark.progress("%s: %d answered, %d errors", name, timed, errors);
        return new Result(name, shown, timed, errors, Figures.quantile(clientTimes, 0.5) / 1e6, Figures.quantile(clientTimes, 0.99) / 1e6,
                timed == 0 ? Double.NaN : clientTimes[timed - 1] / 1e6, Figures.quantile(server, 0.5) / 1e3,
                Figures.quantile(server, 0.99) / 1e3, server.length == 0 ? Double.NaN : server[server.length - 1] / 1e3, server.length);
    }

    /** The server's times (microseconds) of these requests, from the access log; empty without one. */
    private long[] serverTimes(List<String> wanted) throws IOException {
        if (accessLogDir == null || !Files.isDirectory(accessLogDir)) {
            return new long[0];
        }
        Map<String, Long> byMark = new HashMap<>();
        try (Stream<Path> files = Files.list(accessLogDir)) {
            for (Path f : files.toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    String[] parts = line.trim().split(" ");
                    if (parts.length == 3 && parts[2].matches("\\d+")) {
                        byMark.put(parts[0], Long.parseLong(parts[2]));
                    }
                }
            }
        }
        return wanted.stream().filter(byMark::containsKey).mapToLong(byMark::get).toArray();
    }

    /** Open tasks the user's groups may take (what the group's list holds before offices and four eyes). */
    private long visibleTasks() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(
                "select count(distinct t.id) from jbpm_user_tasks t join jbpm_user_tasks_potential_groups g on g.task_id = t.id"
                        + " join app_user_role r on r.role = g.group_id where r.username = ? and t.status in ('Created', 'Ready')")) {
            p.setString(1, target.user());
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String busiestDistrict() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select district from workflow_case where state = 'OPEN' and district is not null group by district"
                        + " order by count(*) desc, district limit 1")) {
            if (!rs.next()) {
                throw new IllegalStateException("no open case has a district");
            }
            return rs.getString(1);
        }
    }

    private void districtsOfOpenCases() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select distinct district from workflow_case where state = 'OPEN' and district is not null")) {
            while (rs.next()) {
                districts.add(rs.getString(1));
            }
        }
    }

    /** Ids of households of the registry, drawn at random over its whole id range. */
    private long[] randomHouseholds(int count) throws SQLException {
        long[] ids = new long[count];
        try (Connection c = dataSource.getConnection()) {
            long min, max;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select min(id), max(id) from household")) {
                rs.next();
                min = rs.getLong(1);
                max = rs.getLong(2);
            }
            try (PreparedStatement p = c.prepareStatement("select id from household where id >= ? order by id limit 1")) {
                for (int i = 0; i < count; i++) {
                    p.setLong(1, min + (long) (random.nextDouble() * (max - min + 1)));
                    try (ResultSet rs = p.executeQuery()) {
                        ids[i] = rs.next() ? rs.getLong(1) : max;
                    }
                }
            }
        }
        return ids;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
