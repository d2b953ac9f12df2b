package io.jenkins.plugins.tableaupat.core;

import java.time.Duration;

/**
 * The one exception type of the engine. Its message is a single line a user can act on; it never
 * contains a token secret or a session token, and no response body is copied into it.
 */
public class TableauException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final int httpStatus;
    private final String tableauCode;
    private final String hint;
    private final Duration retryAfter;

    public TableauException(ErrorKind kind, int httpStatus, String tableauCode, String hint) {
        this(kind, httpStatus, tableauCode, hint, null);
    }

    public TableauException(ErrorKind kind, int httpStatus, String tableauCode, String hint, Throwable cause) {
        this(kind, httpStatus, tableauCode, hint, cause, null);
    }

    private TableauException(ErrorKind kind, int httpStatus, String tableauCode, String hint, Throwable cause,
            Duration retryAfter) {
        super(format(kind, httpStatus, tableauCode, hint), cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.tableauCode = tableauCode;
        this.hint = hint;
        this.retryAfter = retryAfter;
    }

    /** A configuration problem found before any network call. */
    public static TableauException invalidInput(String hint) {
        return new TableauException(ErrorKind.INVALID_INPUT, 0, null, hint);
    }

    private static String format(ErrorKind kind, int httpStatus, String tableauCode, String hint) {
        if (kind == ErrorKind.INVALID_INPUT) {
            return hint;
        }
        StringBuilder line = new StringBuilder(kind.title());
        if (httpStatus > 0 || tableauCode != null) {
            line.append(" (");
            if (httpStatus > 0) {
                line.append("HTTP ").append(httpStatus);
            }
            if (tableauCode != null) {
                line.append(httpStatus > 0 ? ", " : "").append("Tableau error ").append(tableauCode);
            }
            line.append(')');
        }
        return line.append(": ").append(hint).toString();
    }

    public ErrorKind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when no HTTP answer was received. */
    public int httpStatus() {
        return httpStatus;
    }

    /** Tableau's six-digit error code (e.g. "401001"), or null. */
    public String tableauCode() {
        return tableauCode;
    }

    /** What the user should do, without the title and codes. */
    public String hint() {
        return hint;
    }

    /** How long Tableau asked to wait before the next call (its Retry-After), or null when it did not say. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The same failure, remembering Tableau's Retry-After (null: not given). */
    public TableauException withRetryAfter(Duration wait) {
        if (wait == null) {
            return this;
        }
        TableauException copy = new TableauException(kind, httpStatus, tableauCode, hint, getCause(), wait);
        copy.setStackTrace(getStackTrace());
        return copy;
    }
}
