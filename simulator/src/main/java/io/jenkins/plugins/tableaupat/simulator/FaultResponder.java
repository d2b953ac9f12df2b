package io.jenkins.plugins.tableaupat.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;

/** Carries out the faults chosen for one request. */
final class FaultResponder {
    private static final int CHUNK = 64 * 1024;

    private final FaultPlan plan;
    private final BooleanSupplier closing;

    FaultResponder(FaultPlan plan, BooleanSupplier closing) {
        this.plan = plan;
        this.closing = closing;
    }

    /** Applies {@code faults} in order; true when the exchange is finished and normal handling must not run. */
    boolean apply(HttpExchange ex, List<Fault> faults) throws IOException {
        for (Fault f : faults) {
            if (apply(ex, f)) {
                return true;
            }
        }
        return false;
    }

    private boolean apply(HttpExchange ex, Fault f) throws IOException {
        switch (f.kind) {
            case LATENCY -> {
                return sleep(ex, f.delay.toMillis());
            }
            case HANG -> {
                return hang(ex);
            }
            case DROP_CONNECTION -> {
                drop(ex);
                return true;
            }
            case TOO_MANY_REQUESTS -> {
                if (f.retryAfterSeconds != null) {
                    ex.getResponseHeaders().set("Retry-After", String.valueOf(f.retryAfterSeconds));
                }
                String wait = f.retryAfterSeconds == null ? "later" : "after " + f.retryAfterSeconds + " seconds";
                ErrorBody.write(ex, 429, "429000", "Too Many Requests",
                        "Too many requests for this user. Please retry " + wait + ".");
            }
            case SERVER_ERROR -> Reply.text(ex, f.status, Reply.HTML_TYPE,
                    Reply.html(f.status, "Server Error", "The upstream server is not available. Try again later."));
            case REDIRECT -> {
                ex.getResponseHeaders().set("Location", f.location);
                Reply.empty(ex, f.status);
            }
            case HTML_PAGE -> Reply.text(ex, f.status, Reply.HTML_TYPE, "<!DOCTYPE html><html><head><title>Sign In"
                    + "</title></head><body><form method=\"post\" action=\"/login\"><input name=\"username\">"
                    + "<input name=\"password\" type=\"password\"></form></body></html>");
            case MALFORMED_JSON -> Reply.text(ex, 200, Reply.JSON_TYPE,
                    "{\"credentials\":{\"site\":{\"id\":\"11111111-2222-3333-4444-55555");
            case HUGE_BODY -> hugeBody(ex, f.size);
            case TABLEAU_ERROR -> ErrorBody.write(ex, f.status, f.code, f.summary, f.detail);
            default -> throw new IllegalStateException("unhandled fault " + f.kind);
        }
        return true;
    }

    /** True (connection dropped) when the simulator shuts down during the delay. */
    private boolean sleep(HttpExchange ex, long millis) {
        try {
            Thread.sleep(millis);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drop(ex);
            return true;
        }
    }

    /** Waits for clear() (then answers normally) or close() (then drops the connection). */
    private boolean hang(HttpExchange ex) {
        CountDownLatch latch = plan.hangLatch();
        try {
            while (!closing.getAsBoolean() && !latch.await(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                // poll so that a close() racing with this hang is not missed
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closing.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            drop(ex);
            return true;
        }
        return false;
    }

    /**
     * Closing an exchange before sending headers makes HttpServer close the socket, so the client sees the
     * connection end without any response bytes.
     */
    static void drop(HttpExchange ex) {
        ex.close();
    }

    private static void hugeBody(HttpExchange ex, long size) throws IOException {
        ex.getResponseHeaders().set("Content-Type", Reply.JSON_TYPE);
        ex.sendResponseHeaders(200, size == 0 ? -1 : size);
        byte[] head = "{\"padding\":\"".getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = new byte[CHUNK];
        Arrays.fill(chunk, (byte) 'x');
        try (OutputStream out = ex.getResponseBody()) {
            long left = size;
            int first = (int) Math.min(head.length, left);
            out.write(head, 0, first);
            left -= first;
            while (left > 0) {
                int n = (int) Math.min(CHUNK, left);
                out.write(chunk, 0, n);
                left -= n;
            }
        }
        ex.close();
    }
}
