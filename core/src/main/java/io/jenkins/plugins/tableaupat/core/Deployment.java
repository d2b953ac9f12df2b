package io.jenkins.plugins.tableaupat.core;

import java.util.Locale;

/** Which Tableau product the server is. AUTO decides from the host name. */
public enum Deployment {
    AUTO,
    CLOUD,
    SERVER;

    /** Parses "auto", "cloud" or "server" in any case; blank means AUTO. */
    public static Deployment parse(String value) {
        if (value == null || value.isBlank()) {
            return AUTO;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw TableauException.invalidInput(
                    "Deployment '" + value.trim() + "' is not known: use auto, cloud or server");
        }
    }

    /** The lower-case name used in configuration and JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
