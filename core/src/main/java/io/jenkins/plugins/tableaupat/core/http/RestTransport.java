package io.jenkins.plugins.tableaupat.core.http;

import io.jenkins.plugins.tableaupat.core.ErrorKind;
import io.jenkins.plugins.tableaupat.core.ProgressListener;
import io.jenkins.plugins.tableaupat.core.Redactor;
import io.jenkins.plugins.tableaupat.core.TableauException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends REST calls: JSON accepted, bodies capped, every call bounded by the timeout, safe failures
 * retried within the {@link RetryPolicy}, and redirects handled so that a POST never silently becomes
 * a GET. Only an upgrade to https on the same host and path is followed (and remembered for later
 * calls); any other redirect is an error naming where it pointed.
 */
public final class RestTransport {
    /** Tableau's answers here are a few KB; anything near this is not the API. */
    public static final int MAX_BODY_BYTES = 1 << 20;
    private static final String USER_AGENT = "tableau-pat-refresh/1";
    private static final int MAX_REDIRECTS = 2;

    private final HttpClient client;
    private final RetryPolicy retry;
    private final Duration timeout;
    private final ProgressListener listener;
    private final ErrorTranslator errors;
    private final Map<String, String> upgradedOrigins = new ConcurrentHashMap<>();

    public RestTransport(HttpClient client, RetryPolicy retry, Duration timeout, Redactor redactor,
            ProgressListener listener) {
        if (client.followRedirects() != HttpClient.Redirect.NEVER) {
            // The JDK client would replay a POST as a GET on 301/302 and lose the sign-in body.
            throw new IllegalArgumentException("the HttpClient must not follow redirects (HttpClient.Redirect.NEVER)");
        }
        this.client = client;
        this.retry = retry;
        this.timeout = timeout;
        this.listener = listener;
        this.errors = new ErrorTranslator(redactor);
    }

    /** Sends the call and returns its 2xx answer, or throws a {@link TableauException}. */
    public RestResponse send(RestCall call) {
        long budgetEnds = System.nanoTime() + retry.maxTotal().toNanos();
        for (int attempt = 1; ; attempt++) {
            Duration retryAfter = null;
            TableauException failure;
            try {
                RestResponse r = exchangeFollowingUpgrade(call);
                if (r.isSuccess()) {
                    return r;
                }
                failure = errors.fromStatus(r, call);
                if (r.status() == 429) {
                    retryAfter = RetryPolicy.parseRetryAfter(r.headers().firstValue("Retry-After").orElse(null),
                            Instant.now()).orElse(null);
                }
            } catch (TableauException e) {
                failure = e;
            }
            // The Retry-After travels with the failure: a caller trying again later (the fleet's extra round) honours it.
            failure = failure.withRetryAfter(retryAfter);
            if (!failure.kind().retryable() || attempt >= retry.maxAttempts()) {
                throw failure;
            }
            Duration wait = retryAfter != null ? retryAfter : retry.backoff(attempt + 1);
            if (System.nanoTime() + wait.toNanos() > budgetEnds) {
                if (retryAfter != null) {
                    throw new TableauException(failure.kind(), failure.httpStatus(), failure.tableauCode(),
                            "Tableau asks to wait " + retryAfter.toSeconds() + " s before the next call, longer than"
                                    + " the retry budget of " + retry.maxTotal().toSeconds() + " s: try again later")
                            .withRetryAfter(retryAfter);
                }
                throw failure;
            }
            listener.warn(failure.getMessage() + "; retrying the " + call.operation().label() + " in "
                    + wait.toMillis() + " ms (attempt " + (attempt + 1) + " of " + retry.maxAttempts() + ")");
            sleep(wait);
        }
    }

    private RestResponse exchangeFollowingUpgrade(RestCall call) {
        RestCall current = call.withUri(upgraded(call.uri()));
        for (int hop = 0; ; hop++) {
            RestResponse r = exchange(current);
            if (r.status() < 300 || r.status() >= 400 || r.status() == 304) {
                return r;
            }
            Optional<String> location = r.headers().firstValue("Location");
            if (location.isEmpty()) {
                return r;
            }
            URI target = current.uri().resolve(location.get().strip());
            if (hop >= MAX_REDIRECTS || !isHttpsUpgrade(current.uri(), target)) {
                throw refusedRedirect(current, r.status(), target);
            }
            upgradedOrigins.put(origin(current.uri()), origin(target));
            listener.warn(current.uri().getHost() + " redirects http to https: set the server URL to "
                    + origin(target) + " to skip the redirect");
            current = current.withUri(target);
        }
    }

    private static boolean isHttpsUpgrade(URI from, URI to) {
        return "http".equalsIgnoreCase(from.getScheme()) && "https".equalsIgnoreCase(to.getScheme())
                && from.getHost() != null && from.getHost().equalsIgnoreCase(to.getHost())
                && String.valueOf(from.getRawPath()).equals(String.valueOf(to.getRawPath()));
    }

    private TableauException refusedRedirect(RestCall call, int status, URI target) {
        // Name the target without its query string: it may carry tokens of a login flow.
        String where = target.getScheme() + "://" + target.getRawAuthority()
                + (target.getRawPath() == null ? "" : target.getRawPath());
        String why = target.getHost() != null && target.getHost().toLowerCase(Locale.ROOT).endsWith(".online.tableau.com")
                ? ": if that is your Tableau Cloud pod, use https://" + target.getHost() + " as the server URL"
                : ": if that is where Tableau runs, use that address as the server URL";
        return new TableauException(ErrorKind.REDIRECT_REFUSED, status, null, "the " + call.operation().label()
                + " was redirected to " + where + why + " (a sign-in POST is never replayed elsewhere)");
    }

    private URI upgraded(URI uri) {
        String to = upgradedOrigins.get(origin(uri));
        return to == null ? uri : URI.create(to + uri.toString().substring(origin(uri).length()));
    }

    private static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority();
    }

    private RestResponse exchange(RestCall call) {
        HttpRequest.Builder b = HttpRequest.newBuilder(call.uri())
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
        if (call.authToken() != null) {
            b.header("X-Tableau-Auth", call.authToken());
        }
        if ("http".equalsIgnoreCase(call.uri().getScheme())) {
            // Otherwise every plain-http request offers an h2c upgrade (three extra headers, an encoded
            // SETTINGS frame, a 101 check), which Tableau never takes; https keeps HTTP/2 through ALPN.
            b.version(HttpClient.Version.HTTP_1_1);
        }
        if (call.body() != null) {
            b.header("Content-Type", "application/json");
            b.method(call.method(), HttpRequest.BodyPublishers.ofByteArray(call.body()));
        } else {
            b.method(call.method(), HttpRequest.BodyPublishers.noBody());
        }
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(b.build(), CappedBody.handler(MAX_BODY_BYTES));
        HttpResponse<byte[]> response;
        try {
            // The request timeout covers the headers only; this bounds reading the body too.
            response = future.get(timeout.toMillis() * 2 + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TableauException(ErrorKind.INTERRUPTED, 0, null, "the " + call.operation().label()
                    + " was interrupted (build aborted?)");
        } catch (TimeoutException | CancellationException e) {
            future.cancel(true);
            throw new TableauException(ErrorKind.TIMEOUT, 0, null, "Tableau did not finish answering the "
                    + call.operation().label() + " within " + timeout.toSeconds() + " s: raise the timeout or check"
                    + " the server");
        } catch (ExecutionException e) {
            throw errors.fromIo(e.getCause() == null ? e : e.getCause(), call, timeout);
        }
        if (response.body() == null) {
            throw new TableauException(ErrorKind.RESPONSE_TOO_LARGE, response.statusCode(), null, "the answer to the "
                    + call.operation().label() + " is larger than " + (MAX_BODY_BYTES >> 10)
                    + " KiB, which Tableau never sends: check the server URL and any proxy in between");
        }
        return new RestResponse(response.statusCode(), response.headers(), response.body(), call.uri());
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TableauException(ErrorKind.INTERRUPTED, 0, null, "interrupted while waiting to retry (build aborted?)");
        }
    }
}
