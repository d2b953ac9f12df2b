package io.jenkins.plugins.tableaupat.simulator;

/** A Tableau error answer, thrown by resource handlers and written by {@link ErrorBody}. */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String code;
    final String summary;
    final String detail;

    ApiError(int status, String code, String summary, String detail) {
        super(status + " " + code + " " + summary, null, false, false);
        this.status = status;
        this.code = code;
        this.summary = summary;
        this.detail = detail;
    }

    static ApiError missingAuth() {
        return new ApiError(401, "401000", "Unauthorized Access", "No authentication credentials were provided");
    }

    static ApiError invalidAuth() {
        return new ApiError(401, "401002", "Unauthorized Access", "Invalid authentication credentials were provided");
    }

    static ApiError signInError() {
        return new ApiError(401, "401001", "Signin Error", "Error signing in to Tableau Server");
    }

    static ApiError unknownResource(String path) {
        return new ApiError(404, "404003", "Resource Not Found", "Unknown resource '" + path + "' specified in URI.");
    }

    static ApiError methodNotAllowed(String method) {
        return new ApiError(405, "405000", "Method Not Allowed",
                "The HTTP method '" + method + "' is not supported for the given resource");
    }
}
