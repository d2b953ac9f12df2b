package io.jenkins.plugins.tableaupat.simulator;

import com.sun.net.httpserver.HttpExchange;

/** One API request after routing and version checks, as the resource handlers see it. */
record Call(HttpExchange exchange, ApiPath path, ApiVersion version, String body) {

    String method() {
        return exchange.getRequestMethod();
    }

    boolean json() {
        return Reply.wantsJson(exchange);
    }

    String authToken() {
        return exchange.getRequestHeaders().getFirst("X-Tableau-Auth");
    }

    /** Throws 405000 unless the method is {@code allowed}. */
    void requireMethod(String allowed) {
        if (!allowed.equalsIgnoreCase(method())) {
            throw ApiError.methodNotAllowed(method());
        }
    }

    /** Throws 404008 when the requested version predates the resource. */
    void requireVersion(ApiVersion min) {
        if (version.below(min)) {
            throw new ApiError(404, "404008", "Resource Not Found",
                    "API version '" + version + "' does not support access to the given resource");
        }
    }
}
