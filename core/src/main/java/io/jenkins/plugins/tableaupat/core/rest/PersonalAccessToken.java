package io.jenkins.plugins.tableaupat.core.rest;

import java.time.Instant;

/** One entry of a user's PAT list on Tableau Cloud; the dates may be null when absent or unreadable. */
public record PersonalAccessToken(String tokenName, String tokenGuid, Instant expiresAt, Instant lastUsedAt) {
}
