package io.jenkins.plugins.tableaupat.core.http;

import java.net.URI;

/**
 * One REST call to make. {@code authToken} is the session token for X-Tableau-Auth (null before
 * sign-in); {@code site} and {@code apiVersion} only serve to explain errors.
 */
public record RestCall(Operation operation, String method, URI uri, byte[] body, String authToken, String site,
        String apiVersion) {

    public static RestCall get(Operation op, URI uri, String authToken, String site, String apiVersion) {
        return new RestCall(op, "GET", uri, null, authToken, site, apiVersion);
    }

    public static RestCall post(Operation op, URI uri, byte[] body, String authToken, String site, String apiVersion) {
        return new RestCall(op, "POST", uri, body, authToken, site, apiVersion);
    }

    public RestCall withUri(URI other) {
        return new RestCall(operation, method, other, body, authToken, site, apiVersion);
    }

    @Override
    public String toString() {
        // Never print the body (it holds the secret on sign-in) or the session token.
        return method + " " + uri;
    }
}
