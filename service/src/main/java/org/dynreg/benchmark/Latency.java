package org.dynreg.benchmark;

import org.dynreg.synthetic.SurveyJson;
import org.dynreg.synthetic.SyntheticHousehold;
import org.dynreg.synthetic.SyntheticRegistry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Survey submission over HTTP as registration centres do it: {@code clients} threads, each submitting
 * new households' surveys one after another (POST /api/surveys as a data-entry operator) for the given
 * time; every request's latency is kept.
 */
final class Latency {
    record Result(int clients, long seconds, long requests, long errors, double p50Millis, double p99Millis,
                  double perSecond) {
    }

    /** Requests before the measured ones, so that the first requests' class loading and compiling are not timed. */
    static final long WARM_UP_SECONDS = 10;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI uri;
    private final SyntheticRegistry synthetic;
    private final long seed;
    private final AtomicLong next = new AtomicLong();
    private final String auth = "Basic " + Base64.getEncoder().encodeToString("operator:operator-pass".getBytes(StandardCharsets.UTF_8));

    Latency(int port, SyntheticRegistry synthetic, long seed) {
        this.uri = URI.create("http://127.0.0.1:" + port + "/api/surveys");
        this.synthetic = synthetic;
        this.seed = seed;
    }

    Result measure(int clients, long seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long[][] samples = new long[clients][];
        int[] sizes = new int[clients];
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    HttpRequest request = request();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() / 100 != 2) {
                            errors.incrementAndGet();
                            continue;
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        continue;
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = System.nanoTime() - start;
                }
                samples[client] = mine;
                sizes[client] = n;
            }, "survey-client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        int total = 0;
        for (int s : sizes) {
            total += s;
        }
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(samples[c], 0, all, at, sizes[c]);
            at += sizes[c];
        }
        Arrays.sort(all);
        return new Result(clients, seconds, total, errors.get(), Figures.quantile(all, 0.50) / 1e6,
                Figures.quantile(all, 0.99) / 1e6, (double) total / seconds);
    }

    private HttpRequest request() {
        SyntheticHousehold h = synthetic.draw(seed, next.getAndIncrement());
        OffsetDateTime submitted = OffsetDateTime.now(ZoneOffset.ofHours(5)).minusMinutes(1);
        String body = SurveyJson.of(h, "BENCH-CENTRE", submitted.minusMinutes(25), submitted);
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
