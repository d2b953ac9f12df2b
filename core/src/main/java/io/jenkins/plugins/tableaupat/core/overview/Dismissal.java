package io.jenkins.plugins.tableaupat.core.overview;

import java.util.Set;
import java.util.TreeSet;

/**
 * What an administrator has seen and dismissed, as attention keys ({@link AttentionRule#attentionKeys}).
 * A warning stays dismissed while everything that needs attention was already dismissed; a new token
 * or a new reason brings it back. Thread-safe.
 */
public final class Dismissal {
    private final Set<String> acknowledged = new TreeSet<>();

    /** Dismisses exactly what needs attention now. */
    public synchronized void dismiss(Set<String> current) {
        acknowledged.clear();
        acknowledged.addAll(current);
    }

    /** Whether everything that needs attention now was dismissed before. */
    public synchronized boolean covers(Set<String> current) {
        return acknowledged.containsAll(current);
    }

    /**
     * Forgets dismissals that no longer apply, so a token that recovers and fails again is raised again.
     *
     * @return whether anything was forgotten
     */
    public synchronized boolean retainOnly(Set<String> current) {
        return acknowledged.retainAll(current);
    }

    public synchronized Set<String> acknowledged() {
        return new TreeSet<>(acknowledged);
    }
}
