package io.jenkins.plugins.tableaupat.core.rest;

/**
 * A signed-in session. The token is a credential in its own right: it prints masked.
 * {@code estimatedTimeToExpiration} is Tableau's raw "D:HH:MM" text when sent, else null.
 */
public record SignInSession(String token, String siteId, String userId, String estimatedTimeToExpiration) {
    @Override
    public String toString() {
        return "SignInSession[token=****, siteId=" + siteId + ", userId=" + userId + ", estimatedTimeToExpiration="
                + estimatedTimeToExpiration + "]";
    }
}
