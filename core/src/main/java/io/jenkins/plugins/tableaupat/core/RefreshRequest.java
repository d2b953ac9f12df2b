package io.jenkins.plugins.tableaupat.core;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything one refresh needs, validated when built so that a bad value fails before any network
 * call with a one-line message that says what to fix. The secret prints as a mask.
 */
public final class RefreshRequest {
    public static final int DEFAULT_THRESHOLD_DAYS = 30;
    /** Tableau Cloud tokens live at most 365 days; a larger threshold would warn forever. */
    public static final int MAX_THRESHOLD_DAYS = 365;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

    private final ServerAddress server;
    private final String site;
    private final String tokenName;
    private final TokenSecret tokenSecret;
    private final int thresholdDays;
    private final ApiVersion apiVersion;
    private final Deployment deployment;
    private final Duration timeout;

    private RefreshRequest(Builder b) {
        this.server = ServerAddress.parse(b.serverUrl);
        this.site = SiteContentUrl.parse(b.site);
        this.tokenName = checkTokenName(b.tokenName);
        if (b.tokenSecret == null) {
            throw TableauException.invalidInput("Token secret is empty: set the secret of the personal access token");
        }
        this.tokenSecret = b.tokenSecret;
        if (b.thresholdDays < 0 || b.thresholdDays > MAX_THRESHOLD_DAYS) {
            throw TableauException.invalidInput("Threshold must be between 0 and " + MAX_THRESHOLD_DAYS
                    + " days, got " + b.thresholdDays);
        }
        this.thresholdDays = b.thresholdDays;
        this.apiVersion = b.apiVersion == null || b.apiVersion.isBlank() ? null : ApiVersion.parse(b.apiVersion);
        if (apiVersion != null && apiVersion.isBefore(ApiVersion.PAT_SIGN_IN)) {
            throw TableauException.invalidInput("API version " + apiVersion + " cannot sign in with a personal access"
                    + " token: use " + ApiVersion.PAT_SIGN_IN + " or newer, or leave it empty");
        }
        this.deployment = b.deployment == null ? Deployment.AUTO : b.deployment;
        if (b.timeout.isNegative() || b.timeout.isZero() || b.timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw TableauException.invalidInput("Timeout must be between 1 and " + MAX_TIMEOUT.toSeconds()
                    + " seconds, got " + b.timeout.toSeconds());
        }
        this.timeout = b.timeout;
        if (site.isEmpty() && (deployment == Deployment.CLOUD
                || (deployment == Deployment.AUTO && server.isCloudHost()))) {
            throw TableauException.invalidInput("Tableau Cloud needs the site's content URL (the part after /site/"
                    + " in the browser address): set the site");
        }
    }

    private static String checkTokenName(String name) {
        if (name == null || name.isBlank()) {
            throw TableauException.invalidInput("Token name is empty: set the name of the personal access token");
        }
        if (!name.strip().equals(name)) {
            throw TableauException.invalidInput("Token name '" + name.strip()
                    + "' has leading or trailing white space: remove it");
        }
        return name;
    }

    public static Builder builder() {
        return new Builder();
    }

    public ServerAddress server() {
        return server;
    }

    /** The site's content URL; "" is the Default site. */
    public String site() {
        return site;
    }

    public String tokenName() {
        return tokenName;
    }

    public TokenSecret tokenSecret() {
        return tokenSecret;
    }

    public int thresholdDays() {
        return thresholdDays;
    }

    /** The API version to use, or null to ask the server. */
    public ApiVersion apiVersion() {
        return apiVersion;
    }

    public Deployment deployment() {
        return deployment;
    }

    /** The limit for each HTTP request (connect and answer). */
    public Duration timeout() {
        return timeout;
    }

    /** The identity of the token on its server: refreshes of the same key must not overlap. */
    public String tokenKey() {
        return tokenKey(server.toString(), site, tokenName);
    }

    /**
     * A token's identity: server, site (case-insensitive, as Tableau treats content URLs; null is the
     * Default site) and token name. The per-token lock and the token overview both key on it.
     */
    public static String tokenKey(String serverUrl, String site, String tokenName) {
        return serverUrl + "|" + (site == null ? "" : site.toLowerCase(java.util.Locale.ROOT)) + "|" + tokenName;
    }

    @Override
    public String toString() {
        return "RefreshRequest[server=" + server + ", site=" + site + ", tokenName=" + tokenName
                + ", tokenSecret=" + tokenSecret + ", thresholdDays=" + thresholdDays + ", apiVersion=" + apiVersion
                + ", deployment=" + deployment.id() + ", timeout=" + timeout.toSeconds() + "s]";
    }

    /** Collects raw values (as typed by a user) and validates them in {@link #build()}. */
    public static final class Builder {
        private String serverUrl;
        private String site = "";
        private String tokenName;
        private TokenSecret tokenSecret;
        private int thresholdDays = DEFAULT_THRESHOLD_DAYS;
        private String apiVersion;
        private Deployment deployment = Deployment.AUTO;
        private Duration timeout = DEFAULT_TIMEOUT;

        private Builder() {
        }

        public Builder serverUrl(String serverUrl) {
            this.serverUrl = serverUrl;
            return this;
        }

        public Builder site(String site) {
            this.site = site;
            return this;
        }

        public Builder tokenName(String tokenName) {
            this.tokenName = tokenName;
            return this;
        }

        public Builder tokenSecret(TokenSecret tokenSecret) {
            this.tokenSecret = tokenSecret;
            return this;
        }

        /** Wraps and validates the raw secret; an empty one is refused. */
        public Builder tokenSecret(String tokenSecret) {
            this.tokenSecret = TokenSecret.of(tokenSecret);
            return this;
        }

        public Builder thresholdDays(int thresholdDays) {
            this.thresholdDays = thresholdDays;
            return this;
        }

        /** "3.21", or null/blank to ask the server. */
        public Builder apiVersion(String apiVersion) {
            this.apiVersion = apiVersion;
            return this;
        }

        public Builder deployment(Deployment deployment) {
            this.deployment = deployment;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public RefreshRequest build() {
            return new RefreshRequest(this);
        }
    }
}
