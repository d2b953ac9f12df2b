package io.jenkins.plugins.tableaupat.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A personal access token known to the simulator. Immutable: the simulator replaces it (for example with a
 * new {@link #lastUsedAt()}) and {@link TableauSimulator#token(String)} returns the current state.
 */
public final class SimulatedToken {
    private final String name;
    private final String secret;
    private final String site;
    private final Instant expiresAt;
    private final Instant lastUsedAt;
    private final boolean revoked;
    private final String userId;
    private final String tokenGuid;

    private SimulatedToken(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name");
        this.secret = Objects.requireNonNull(b.secret, "secret");
        this.site = b.site == null ? "" : b.site;
        this.expiresAt = b.expiresAt;
        this.lastUsedAt = b.lastUsedAt;
        this.revoked = b.revoked;
        // Stable defaults so that tests can predict them: each token is its own user unless told otherwise.
        this.userId = b.userId != null ? b.userId : uuid("user:" + site + ":" + name);
        this.tokenGuid = b.tokenGuid != null ? b.tokenGuid : uuid("token:" + site + ":" + name);
    }

    private static String uuid(String seed) {
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static Builder builder(String name, String secret) {
        return new Builder(name, secret);
    }

    public String name() {
        return name;
    }

    public String secret() {
        return secret;
    }

    /** Site content URL; {@code ""} is the Default site. */
    public String site() {
        return site;
    }

    /** Absolute expiry, or {@code null} when the token never expires (the usual Server view). */
    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public boolean revoked() {
        return revoked;
    }

    public String userId() {
        return userId;
    }

    public String tokenGuid() {
        return tokenGuid;
    }

    /** A builder preset with this token's values. */
    public Builder toBuilder() {
        return new Builder(name, secret).site(site).expiresAt(expiresAt).lastUsedAt(lastUsedAt).revoked(revoked)
                .userId(userId).tokenGuid(tokenGuid);
    }

    SimulatedToken withLastUsedAt(Instant when) {
        return toBuilder().lastUsedAt(when).build();
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "SimulatedToken[name=" + name + ", site=" + site + ", expiresAt=" + expiresAt + ", lastUsedAt="
                + lastUsedAt + ", revoked=" + revoked + ", userId=" + userId + "]";
    }

    /** Builds a {@link SimulatedToken}; only name and secret are required. */
    public static final class Builder {
        private final String name;
        private final String secret;
        private String site = "";
        private Instant expiresAt;
        private Instant lastUsedAt;
        private boolean revoked;
        private String userId;
        private String tokenGuid;

        private Builder(String name, String secret) {
            this.name = name;
            this.secret = secret;
        }

        public Builder site(String contentUrl) {
            this.site = contentUrl;
            return this;
        }

        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        public Builder lastUsedAt(Instant lastUsedAt) {
            this.lastUsedAt = lastUsedAt;
            return this;
        }

        public Builder revoked(boolean revoked) {
            this.revoked = revoked;
            return this;
        }

        /** Tokens sharing a user id belong to one user and are listed together. */
        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        public Builder tokenGuid(String tokenGuid) {
            this.tokenGuid = tokenGuid;
            return this;
        }

        public SimulatedToken build() {
            return new SimulatedToken(this);
        }
    }
}
