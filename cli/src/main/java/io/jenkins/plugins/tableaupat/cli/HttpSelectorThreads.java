package io.jenkins.plugins.tableaupat.cli;

/**
 * Stops the JDK HTTP clients' selector threads before the process exits. Such a thread waits for
 * socket events in native code, and the JVM's exit waits up to 300 ms for threads in native code to
 * come back before it gives up on them: a third of a single refresh's run time, after its result was
 * printed. Interrupting the thread ends its loop (the JDK client closes its selector and connections);
 * JDK 21's {@code HttpClient.close()} would do the same, but the CLI runs on Java 17. The threads are
 * found by the name every JDK since 11 gives them; missing one only costs the wait.
 */
final class HttpSelectorThreads {
    private static final long JOIN_MILLIS = 100;

    private HttpSelectorThreads() {
    }

    /** Call only when no HTTP call is running or will run: the clients stop working. */
    static void stopAll() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 8];
        int n = root.enumerate(threads, true);
        for (int i = 0; i < n; i++) {
            Thread t = threads[i];
            if (t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager")) {
                t.interrupt();
                try {
                    t.join(JOIN_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
