package io.jenkins.plugins.tableaupat.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Masks known sensitive values (the PAT secret, the session token) in any text that leaves the
 * engine. Tableau or a proxy may echo request data back, so every outgoing line passes through here.
 */
public final class Redactor {
    static final String MASK = "****";
    private final List<String> values = new ArrayList<>();

    public Redactor(String... sensitive) {
        for (String s : sensitive) {
            add(s);
        }
    }

    /** Adds a value to mask from now on (e.g. a session token once it is known). */
    public synchronized void add(String sensitive) {
        // Masking one- or two-character values would shred ordinary text and hide nothing.
        if (sensitive != null && sensitive.length() >= 3 && !values.contains(sensitive)) {
            values.add(sensitive);
            values.sort((a, b) -> b.length() - a.length());
        }
    }

    public synchronized String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String v : values) {
            out = out.replace(v, MASK);
        }
        return out;
    }
}
