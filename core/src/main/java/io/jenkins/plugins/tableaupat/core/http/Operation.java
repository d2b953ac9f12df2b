package io.jenkins.plugins.tableaupat.core.http;

/** The REST calls the engine makes; errors are explained in terms of the call that failed. */
public enum Operation {
    SERVER_INFO("server info"),
    SIGN_IN("sign-in"),
    LIST_TOKENS("list of personal access tokens"),
    SIGN_OUT("sign-out");

    private final String label;

    Operation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
