package io.jenkins.plugins.tableaupat.core;

/**
 * What went wrong, in terms a user can act on. Each kind carries the verdict it leads to, whether the
 * failed call may be sent again at once, and whether the failure is likely to pass by itself.
 */
public enum ErrorKind {
    INVALID_INPUT("Invalid configuration", false),
    API_TOO_OLD("Tableau REST API too old", false),
    SIGN_IN_REFUSED("Sign-in refused", false),
    SESSION_INVALID("Session no longer valid", false),
    FORBIDDEN("Access denied", false),
    SITE_NOT_FOUND("Site not found", false),
    API_VERSION_UNSUPPORTED("API version not supported", false),
    NOT_SUPPORTED("Method not available", false),
    METHOD_NOT_ALLOWED("Method not allowed", false),
    BAD_REQUEST("Request rejected", false),
    RATE_LIMITED("Rate limited", true, true),
    SERVER_ERROR("Tableau server error", true, true),
    CONNECTION_FAILED("Connection failed", true, true),
    CONNECTION_REFUSED("Connection refused", false, true),
    UNKNOWN_HOST("Unknown host", false),
    TIMEOUT("Timed out", false, true),
    TLS_UNTRUSTED("TLS certificate not trusted", false),
    TLS_FAILED("TLS handshake failed", false),
    REDIRECT_REFUSED("Redirect not followed", false),
    NOT_TABLEAU("Unexpected response", false),
    RESPONSE_TOO_LARGE("Response too large", false),
    INTERRUPTED("Interrupted", false),
    UNEXPECTED("Unexpected error", false);

    private final String title;
    private final boolean retryable;
    private final boolean isTransient;

    ErrorKind(String title, boolean retryable) {
        this(title, retryable, false);
    }

    ErrorKind(String title, boolean retryable, boolean isTransient) {
        this.title = title;
        this.retryable = retryable;
        this.isTransient = isTransient;
    }

    /** A short human title, e.g. "Sign-in refused". */
    public String title() {
        return title;
    }

    /** Whether a call that failed this way may safely be sent again. */
    public boolean retryable() {
        return retryable;
    }

    /**
     * Whether a refresh that failed this way may well succeed when tried again a little later: rate
     * limiting, a server error, a dropped or refused connection, a timeout. Refused sign-ins,
     * configuration and TLS problems are not: trying again would fail the same way. The fleet's extra
     * round tries again only these.
     */
    public boolean isTransient() {
        return isTransient;
    }

    /** The verdict a refresh that fails this way ends in. */
    public Verdict verdict() {
        return this == SIGN_IN_REFUSED ? Verdict.EXPIRED_OR_INVALID : Verdict.ERROR;
    }
}
