package io.jenkins.plugins.tableaupat.core.fleet;

import io.jenkins.plugins.tableaupat.core.RefreshRequest;
import io.jenkins.plugins.tableaupat.core.TableauException;
import java.util.Objects;

/**
 * One token of a fleet run: a validated request, or the reason it could not become one (a bad URL, a
 * missing credential). An invalid entry still gets a result and a table row, so one bad line never
 * hides the others.
 */
public final class FleetEntry {
    private final String label;
    private final RefreshRequest request;
    private final String serverUrl;
    private final String site;
    private final String tokenName;
    private final TableauException invalid;

    private FleetEntry(String label, RefreshRequest request, String serverUrl, String site, String tokenName,
            TableauException invalid) {
        this.label = Objects.requireNonNull(label, "label");
        this.request = request;
        this.serverUrl = serverUrl;
        this.site = site;
        this.tokenName = tokenName;
        this.invalid = invalid;
    }

    /** @param label how the caller names this entry in its log and table, e.g. "line 3" or a credentials id */
    public static FleetEntry of(String label, RefreshRequest request) {
        Objects.requireNonNull(request, "request");
        return new FleetEntry(label, request, request.server().toString(), request.site(), request.tokenName(), null);
    }

    /** An entry that will not be refreshed; the values are shown as the user gave them. */
    public static FleetEntry invalid(String label, String serverUrl, String site, String tokenName,
            TableauException reason) {
        return new FleetEntry(label, null, serverUrl, site, tokenName, Objects.requireNonNull(reason, "reason"));
    }

    public String label() {
        return label;
    }

    /** The request, or null for an invalid entry. */
    public RefreshRequest request() {
        return request;
    }

    /** Why the entry is not refreshed, or null. */
    public TableauException invalidReason() {
        return invalid;
    }

    String serverUrl() {
        return serverUrl;
    }

    String site() {
        return site;
    }

    String tokenName() {
        return tokenName;
    }
}
