package io.jenkins.plugins.tableaupat.cli;

import io.jenkins.plugins.tableaupat.core.RefreshRequest;
import io.jenkins.plugins.tableaupat.core.http.TableauHttpClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * The fleet benchmark's floor: the same round trips to the same simulators at the same parallelism, made
 * by the JDK HttpClient exactly as core builds and calls it, with no engine in between (no JSON, no
 * sessions, no retries: unauthenticated serverinfo GETs). What the fleet run takes beyond it is the
 * engine's; what the floor takes beyond the lower bound belongs to the transport, the simulators and the
 * machine.
 */
final class TransportFloor {
    /** The floor's elapsed time and the CPU time this process spent on it. */
    record Figures(Duration elapsed, Duration cpu) {
    }

    private TransportFloor() {
    }

    /**
     * One serverinfo per server first, one after the other, as the fleet's shared serverinfo costs; then
     * {@code cloudTokens} tasks of 3 GETs and {@code serverTokens} tasks of 2 on {@code parallelism}
     * workers, in that order, as {@code FleetRefresher} runs its entries.
     *
     * @param cpuNanos this process's CPU time in nanoseconds
     * @throws IOException when a request fails or is not answered 200 (the floor would not be one)
     */
    static Figures measure(String cloudUrl, String serverUrl, int cloudTokens, int serverTokens, int parallelism,
            LongSupplier cpuNanos) throws IOException, InterruptedException {
        HttpClient client = TableauHttpClient.create(RefreshRequest.DEFAULT_TIMEOUT);
        HttpRequest cloud = serverInfo(cloudUrl);
        HttpRequest server = serverInfo(serverUrl);
        long cpu0 = cpuNanos.getAsLong();
        long t0 = System.nanoTime();
        get(client, cloud);
        get(client, server);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, cloudTokens + serverTokens)));
        try {
            List<Future<?>> tasks = new ArrayList<>(cloudTokens + serverTokens);
            for (int i = 0; i < cloudTokens + serverTokens; i++) {
                HttpRequest request = i < cloudTokens ? cloud : server;
                int roundTrips = i < cloudTokens ? 3 : 2;
                tasks.add(pool.submit(() -> {
                    for (int k = 0; k < roundTrips; k++) {
                        get(client, request);
                    }
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                try {
                    task.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io
                            : new IOException("the floor's request failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        return new Figures(elapsed, Duration.ofNanos(cpuNanos.getAsLong() - cpu0));
    }

    /** Built as core's RestTransport builds a plain-http GET. */
    private static HttpRequest serverInfo(String baseUrl) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/api/2.4/serverinfo")).timeout(RefreshRequest.DEFAULT_TIMEOUT)
                .header("Accept", "application/json").header("User-Agent", "tableau-pat-refresh-bench-floor")
                .version(HttpClient.Version.HTTP_1_1).GET().build();
    }

    /** Sent as RestTransport sends: asynchronously, then waited for, the body read as bytes. */
    private static void get(HttpClient client, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> r;
        try {
            r = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                    .get(RefreshRequest.DEFAULT_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException("serverinfo failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("serverinfo was not answered within " + RefreshRequest.DEFAULT_TIMEOUT.toSeconds() * 2
                    + " s", e);
        }
        if (r.statusCode() != 200) {
            throw new IOException("serverinfo answered HTTP " + r.statusCode() + " instead of 200");
        }
    }
}
