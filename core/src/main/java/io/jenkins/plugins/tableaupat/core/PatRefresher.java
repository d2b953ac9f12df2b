package io.jenkins.plugins.tableaupat.core;

import io.jenkins.plugins.tableaupat.core.http.RestTransport;
import io.jenkins.plugins.tableaupat.core.http.RetryPolicy;
import io.jenkins.plugins.tableaupat.core.http.TableauHttpClient;
import io.jenkins.plugins.tableaupat.core.rest.AuthEndpoint;
import io.jenkins.plugins.tableaupat.core.rest.PersonalAccessToken;
import io.jenkins.plugins.tableaupat.core.rest.PersonalAccessTokensEndpoint;
import io.jenkins.plugins.tableaupat.core.rest.ServerInfo;
import io.jenkins.plugins.tableaupat.core.rest.ServerInfoEndpoint;
import io.jenkins.plugins.tableaupat.core.rest.SignInSession;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The refresh workflow: find the API version, sign in with the PAT (which resets its idle expiry),
 * on Tableau Cloud read the token's expiry date, always sign out, and judge the result. Refreshes of
 * the same token never overlap in one JVM ({@link TokenLocks}): a second sign-in would end the first
 * session. Thread-safe; one instance can serve many refreshes.
 */
public final class PatRefresher {
    private final HttpClient http;
    private final Clock clock;
    private final RetryPolicy retry;
    private final TokenLocks locks;
    private final ConcurrentMap<ServerAddress, CompletableFuture<ServerInfo>> serverInfoCache;

    private PatRefresher(Builder b) {
        this.http = b.http != null ? b.http : TableauHttpClient.create(RefreshRequest.DEFAULT_TIMEOUT);
        this.clock = b.clock;
        this.retry = b.retry;
        this.locks = b.locks;
        this.serverInfoCache = b.shareServerInfo ? new ConcurrentHashMap<>() : null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Refreshes one token. Tableau-side failures end in a result with verdict EXPIRED_OR_INVALID or
     * ERROR; this method does not throw for them.
     */
    public RefreshResult refresh(RefreshRequest request, ProgressListener listener) {
        Objects.requireNonNull(request, "request");
        Redactor redactor = new Redactor(request.tokenSecret().reveal());
        RefreshResult.Builder result = RefreshResult.builder(request.server().toString(), request.site(),
                request.tokenName(), request.thresholdDays(), clock.instant());
        ProgressListener out = new RecordingListener(listener == null ? ProgressListener.NONE : listener, redactor,
                result);
        try (TokenLocks.Held held = locks.acquire(request.tokenKey())) {
            run(request, redactor, out, result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.error(new TableauException(ErrorKind.INTERRUPTED, 0, null,
                    "interrupted while waiting for another refresh of the same token"));
        }
        // The outcome line (RefreshResult.summary()) is the caller's to show: a build fails or warns
        // with it, the CLI prints it as its result, so announcing it here too would print it twice.
        return result.build();
    }

    private void run(RefreshRequest request, Redactor redactor, ProgressListener out, RefreshResult.Builder result) {
        RestTransport transport = new RestTransport(http, retry, request.timeout(), redactor, out);
        AuthEndpoint auth = new AuthEndpoint(transport);
        ServerAddress server = request.server();
        ExpiryPolicy policy = new ExpiryPolicy(request.thresholdDays(), clock);
        ApiVersion version = null;
        SignInSession session = null;
        try {
            version = apiVersion(request, transport, out, result);
            result.apiVersion(version.toString());
            Deployment deployment = deploymentOf(request);
            result.deployment(deployment);
            if (!server.isHttps()) {
                out.warn("The server URL uses http: the token secret travels unencrypted; use https if Tableau offers it");
            }
            out.info("Signing in to " + server + (request.site().isEmpty() ? " (Default site)" : " (site '"
                    + request.site() + "')") + " with token '" + request.tokenName() + "' (REST API " + version
                    + ", Tableau " + (deployment == Deployment.CLOUD ? "Cloud" : "Server") + ")");
            session = auth.signIn(server, version, request.site(), request.tokenName(), request.tokenSecret());
            redactor.add(session.token());
            result.signedIn(policy.idleExpiryFromNow());
            if (deployment == Deployment.CLOUD) {
                readCloudExpiry(transport, server, version, session, request, policy, out, result);
            } else {
                out.info("Signed in; Tableau Server does not report token expiry, so only the idle expiry was reset");
            }
        } catch (TableauException e) {
            result.error(e);
        } catch (RuntimeException e) {
            // A defect, not an expected failure: report its type but not its message (it might echo input).
            result.error(new TableauException(ErrorKind.UNEXPECTED, 0, null, "internal error "
                    + e.getClass().getSimpleName() + "; please report it", e));
        } finally {
            if (session != null) {
                signOut(auth, server, version, session, out, result);
            }
        }
    }

    private ApiVersion apiVersion(RefreshRequest request, RestTransport transport, ProgressListener out,
            RefreshResult.Builder result) {
        if (request.apiVersion() != null) {
            return request.apiVersion();
        }
        ServerInfo info = serverInfo(request.server(), transport);
        result.productVersion(info.productVersion());
        if (info.restApiVersion().isBefore(ApiVersion.PAT_SIGN_IN)) {
            throw new TableauException(ErrorKind.API_TOO_OLD, 0, null, "this Tableau speaks REST API "
                    + info.restApiVersion() + ", but personal access tokens need " + ApiVersion.PAT_SIGN_IN
                    + " (Tableau Server 2019.4 or newer): upgrade Tableau Server");
        }
        out.info("Tableau " + Optional.ofNullable(info.productVersion()).orElse("(version not reported)")
                + " offers REST API " + info.restApiVersion());
        return info.restApiVersion();
    }

    private ServerInfo serverInfo(ServerAddress server, RestTransport transport) {
        ServerInfoEndpoint endpoint = new ServerInfoEndpoint(transport);
        if (serverInfoCache == null) {
            return endpoint.get(server);
        }
        CompletableFuture<ServerInfo> mine = new CompletableFuture<>();
        CompletableFuture<ServerInfo> shared = serverInfoCache.putIfAbsent(server, mine);
        if (shared == null) {
            try {
                mine.complete(endpoint.get(server));
            } catch (RuntimeException e) {
                // Do not cache a failure: the next token on this server asks again.
                serverInfoCache.remove(server, mine);
                mine.completeExceptionally(e);
                throw e;
            }
            return mine.join();
        }
        try {
            return shared.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof TableauException) {
                throw (TableauException) e.getCause();
            }
            throw e;
        }
    }

    private static Deployment deploymentOf(RefreshRequest request) {
        if (request.deployment() != Deployment.AUTO) {
            return request.deployment();
        }
        return request.server().isCloudHost() ? Deployment.CLOUD : Deployment.SERVER;
    }

    private void readCloudExpiry(RestTransport transport, ServerAddress server, ApiVersion version,
            SignInSession session, RefreshRequest request, ExpiryPolicy policy, ProgressListener out,
            RefreshResult.Builder result) {
        Instant expiresAt = null;
        try {
            List<PersonalAccessToken> tokens = new PersonalAccessTokensEndpoint(transport).list(server, version, session);
            Optional<PersonalAccessToken> mine = tokens.stream()
                    .filter(t -> request.tokenName().equals(t.tokenName())).findFirst();
            if (mine.isPresent()) {
                expiresAt = mine.get().expiresAt();
                result.lastUsedAt(mine.get().lastUsedAt());
                if (expiresAt == null) {
                    out.warn("Tableau listed token '" + request.tokenName() + "' without an expiry date");
                }
            } else {
                out.warn("Token '" + request.tokenName() + "' is not in the user's token list (" + tokens.size()
                        + " listed), so its expiry date is unknown");
            }
        } catch (TableauException e) {
            if (e.kind() == ErrorKind.INTERRUPTED) {
                throw e;
            }
            out.warn("Could not read the token's expiry date: " + e.getMessage());
        }
        if (expiresAt == null) {
            Duration estimated = TimeToExpiration.parse(session.estimatedTimeToExpiration());
            if (estimated != null) {
                expiresAt = clock.instant().plus(estimated);
                out.info("Using sign-in's estimated time to expiration (" + session.estimatedTimeToExpiration()
                        + ") for the expiry date");
            }
        }
        if (expiresAt != null) {
            result.expiry(expiresAt, policy.daysUntil(expiresAt)).verdict(policy.assess(expiresAt));
        }
    }

    private void signOut(AuthEndpoint auth, ServerAddress server, ApiVersion version, SignInSession session,
            ProgressListener out, RefreshResult.Builder result) {
        // Sign out even when the build was aborted: clear the interrupt for this one call, then restore it.
        boolean interrupted = Thread.interrupted();
        try {
            auth.signOut(server, version, session);
            result.signedOut();
            out.info("Signed out");
        } catch (TableauException e) {
            if (e.httpStatus() == 401) {
                // Already signed out (the session expired or another sign-in with this token ended it).
                result.signedOut();
                out.info("Sign-out: the session had already ended");
            } else {
                out.warn("Sign-out failed (the session ends by itself when it times out): " + e.getMessage());
                result.signOutError(e);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Adds every line to the result after redaction and passes it on. */
    private static final class RecordingListener implements ProgressListener {
        private final ProgressListener target;
        private final Redactor redactor;
        private final RefreshResult.Builder result;

        RecordingListener(ProgressListener target, Redactor redactor, RefreshResult.Builder result) {
            this.target = target;
            this.redactor = redactor;
            this.result = result;
        }

        @Override
        public void info(String line) {
            String safe = redactor.redact(line);
            synchronized (result) {
                result.message(safe);
            }
            target.info(safe);
        }

        @Override
        public void warn(String line) {
            String safe = redactor.redact(line);
            synchronized (result) {
                result.message("WARNING: " + safe);
            }
            target.warn(safe);
        }
    }

    public static final class Builder {
        private HttpClient http;
        private Clock clock = Clock.systemUTC();
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private TokenLocks locks = TokenLocks.shared();
        private boolean shareServerInfo;

        private Builder() {
        }

        /** A client prepared with {@link TableauHttpClient#configure}; it must not follow redirects. */
        public Builder httpClient(HttpClient http) {
            this.http = http;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder retryPolicy(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry);
            return this;
        }

        public Builder tokenLocks(TokenLocks locks) {
            this.locks = Objects.requireNonNull(locks);
            return this;
        }

        /** Ask each server for its API version once and reuse it (for batch refreshes). */
        public Builder shareServerInfo(boolean share) {
            this.shareServerInfo = share;
            return this;
        }

        public PatRefresher build() {
            return new PatRefresher(this);
        }
    }
}
