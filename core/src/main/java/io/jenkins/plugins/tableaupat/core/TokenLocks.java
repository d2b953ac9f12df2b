package io.jenkins.plugins.tableaupat.core;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One lock per token (server, site, name). Tableau keeps one session per PAT: a second sign-in ends
 * the first, so two refreshes of the same token in one JVM must take turns.
 */
public final class TokenLocks {
    private static final TokenLocks SHARED = new TokenLocks();

    private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    /** The JVM-wide instance (one Jenkins controller, one CLI run). */
    public static TokenLocks shared() {
        return SHARED;
    }

    /** Waits (interruptibly) for the token's turn; close the handle to let the next one go. */
    public Held acquire(String tokenKey) throws InterruptedException {
        ReentrantLock lock = locks.computeIfAbsent(tokenKey, k -> new ReentrantLock(true));
        lock.lockInterruptibly();
        return lock::unlock;
    }

    /** A held lock; closing it releases the token. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
