package io.jenkins.plugins.tableaupat.core;

import java.util.Objects;

/**
 * A PAT secret. It prints as a mask everywhere ({@link #toString()}); only the sign-in request body
 * reads the value, through {@link #reveal()}.
 */
public final class TokenSecret {
    private static final String MASK = "****";
    private final String value;

    private TokenSecret(String value) {
        this.value = value;
    }

    /** Wraps a secret; a null or empty one is refused with a message that does not echo it. */
    public static TokenSecret of(String value) {
        if (value == null || value.isEmpty()) {
            throw TableauException.invalidInput("Token secret is empty: set the secret of the personal access token");
        }
        if (value.isBlank() || !value.strip().equals(value)) {
            throw TableauException.invalidInput(
                    "Token secret has leading or trailing white space: copy the secret again without it");
        }
        return new TokenSecret(value);
    }

    /** The secret itself. Only for the sign-in request body and for redaction. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenSecret && ((TokenSecret) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }
}
