package io.jenkins.plugins.tableaupat.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The faults in force, in the order added. Each added fault keeps its own remaining count, so a request
 * consumes one use of every matching {@link Fault.Kind#LATENCY} fault before it and of the first matching
 * terminal fault.
 */
public final class FaultPlan {

    /** One added fault with its own remaining-uses counter. */
    private static final class Entry {
        final Fault fault;
        final AtomicInteger remaining;

        Entry(Fault fault) {
            this.fault = fault;
            this.remaining = new AtomicInteger(fault.times);
        }

        /** Takes one use; false when used up. Unbounded faults are never used up. */
        boolean take() {
            if (fault.times == Fault.ALWAYS) {
                return true;
            }
            return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        }
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    /** Hung requests wait on this; clear() and close() open it and install a fresh one. */
    private volatile CountDownLatch release = new CountDownLatch(1);

    FaultPlan() {
    }

    public FaultPlan add(Fault fault) {
        entries.add(new Entry(fault));
        return this;
    }

    /** Removes all faults and lets hung requests continue. */
    public void clear() {
        entries.clear();
        releaseHangs();
    }

    /** Faults added and not used up. */
    public List<Fault> active() {
        List<Fault> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.fault.times == Fault.ALWAYS || e.remaining.get() > 0) {
                out.add(e.fault);
            }
        }
        return out;
    }

    /**
     * The faults to apply to one request on {@code route} ({@code null} for an unknown path): every matching
     * latency fault up to and including the first matching terminal fault, each use taken.
     */
    List<Fault> take(Route route) {
        List<Fault> out = new ArrayList<>();
        for (Entry e : entries) {
            if (!e.fault.route.matches(route)) {
                continue;
            }
            if (!e.take()) {
                continue;
            }
            out.add(e.fault);
            if (e.fault.kind != Fault.Kind.LATENCY) {
                break;
            }
        }
        return out;
    }

    CountDownLatch hangLatch() {
        return release;
    }

    void releaseHangs() {
        CountDownLatch old = release;
        release = new CountDownLatch(1);
        old.countDown();
    }
}
