package io.jenkins.plugins.tableaupat.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour to inject, built with the static factories and narrowed with {@link #on(Route)} and
 * {@link #times(int)}. Immutable: {@code on} and {@code times} return a copy, so one fault value can be
 * added several times.
 */
public final class Fault {

    /** What the fault does; {@link #LATENCY} is the only kind that then lets the request through. */
    enum Kind {
        LATENCY, TOO_MANY_REQUESTS, SERVER_ERROR, DROP_CONNECTION, HANG, REDIRECT, HTML_PAGE, MALFORMED_JSON,
        HUGE_BODY, TABLEAU_ERROR
    }

    /** {@link #times()} value meaning "every matching request from now on". */
    public static final int ALWAYS = -1;

    final Kind kind;
    final Route route;
    final int times;
    final Duration delay;
    final int status;
    final Integer retryAfterSeconds;
    final String location;
    final long size;
    final String code;
    final String summary;
    final String detail;

    private Fault(Kind kind, Route route, int times, Duration delay, int status, Integer retryAfterSeconds,
            String location, long size, String code, String summary, String detail) {
        this.kind = kind;
        this.route = route;
        this.times = times;
        this.delay = delay;
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
        this.location = location;
        this.size = size;
        this.code = code;
        this.summary = summary;
        this.detail = detail;
    }

    private static Fault of(Kind kind) {
        return new Fault(kind, Route.ANY, ALWAYS, null, 0, null, null, 0, null, null, null);
    }

    /** Waits, then lets later faults or the normal answer run. */
    public static Fault latency(Duration delay) {
        Fault f = of(Kind.LATENCY);
        return new Fault(f.kind, f.route, f.times, Objects.requireNonNull(delay), 0, null, null, 0, null, null, null);
    }

    /** 429 with Tableau error 429000; a {@code Retry-After} header only when the argument is not null. */
    public static Fault tooManyRequests(Integer retryAfterSeconds) {
        return new Fault(Kind.TOO_MANY_REQUESTS, Route.ANY, ALWAYS, null, 429, retryAfterSeconds, null, 0, "429000",
                "Too Many Requests", null);
    }

    /** A 5xx with an HTML body that is not a Tableau error, like a load balancer's. */
    public static Fault serverError(int status) {
        return withStatus(Kind.SERVER_ERROR, status);
    }

    /** Closes the TCP connection without sending any HTTP response. */
    public static Fault dropConnection() {
        return of(Kind.DROP_CONNECTION);
    }

    /** Never answers, until the fault plan is cleared (then answers normally) or the simulator closes. */
    public static Fault hang() {
        return of(Kind.HANG);
    }

    /** Answers {@code status} with a {@code Location} header and no body. */
    public static Fault redirect(int status, String location) {
        return new Fault(Kind.REDIRECT, Route.ANY, ALWAYS, null, status, null, Objects.requireNonNull(location), 0,
                null, null, null);
    }

    /** An HTML page (a proxy or single-sign-on login page) with {@code text/html}. */
    public static Fault htmlPage(int status) {
        return withStatus(Kind.HTML_PAGE, status);
    }

    /** 200 with {@code application/json} and a truncated JSON document. */
    public static Fault malformedJson() {
        return of(Kind.MALFORMED_JSON);
    }

    /** 200 with a body of exactly {@code bytes} bytes, streamed. */
    public static Fault hugeBody(long bytes) {
        return new Fault(Kind.HUGE_BODY, Route.ANY, ALWAYS, null, 200, null, null, bytes, null, null, null);
    }

    /** An arbitrary Tableau error body (XML or JSON per {@code Accept}). */
    public static Fault tableauError(int status, String code, String summary, String detail) {
        return new Fault(Kind.TABLEAU_ERROR, Route.ANY, ALWAYS, null, status, null, null, 0,
                Objects.requireNonNull(code), summary, detail);
    }

    private static Fault withStatus(Kind kind, int status) {
        return new Fault(kind, Route.ANY, ALWAYS, null, status, null, null, 0, null, null, null);
    }

    /** Only requests to this route (default {@link Route#ANY}). */
    public Fault on(Route route) {
        return new Fault(kind, Objects.requireNonNull(route), times, delay, status, retryAfterSeconds, location, size,
                code, summary, detail);
    }

    /** Only the next {@code n} matching requests (default: all of them). */
    public Fault times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be >= 1: " + n);
        }
        return new Fault(kind, route, n, delay, status, retryAfterSeconds, location, size, code, summary, detail);
    }

    public Route route() {
        return route;
    }

    /** How many matching requests it applies to, or {@link #ALWAYS}. */
    public int times() {
        return times;
    }

    @Override
    public String toString() {
        return "Fault[" + kind + " on " + route + (times == ALWAYS ? "" : " x" + times) + "]";
    }
}
