package io.jenkins.plugins.tableaupat.core.http;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Prepares a JDK HttpClient for Tableau: no automatic redirects (see {@link RestTransport}) and a
 * connect timeout. Callers with their own builder (Jenkins' proxy-aware one) pass it in.
 */
public final class TableauHttpClient {
    private TableauHttpClient() {
    }

    public static HttpClient.Builder configure(HttpClient.Builder builder, Duration connectTimeout) {
        return builder.followRedirects(HttpClient.Redirect.NEVER).connectTimeout(connectTimeout);
    }

    /**
     * A client with the JVM's default proxy selector and trust store. Its TLS context is set up on the
     * first https connection, not here (see {@link LazyDefaultSslContext}). Its dependent tasks run on
     * the client's own selector thread instead of being handed to a pool: {@link RestTransport}'s body
     * handler only copies bytes and never blocks, and the hand-offs cost about a fifth of the CPU per
     * request in the fleet benchmark (docs/benchmark.md).
     */
    public static HttpClient create(Duration connectTimeout) {
        return configure(HttpClient.newBuilder(), connectTimeout).sslContext(LazyDefaultSslContext.create())
                .sslParameters(LazyDefaultSslContext.clientParameters()).executor(Runnable::run).build();
    }
}
