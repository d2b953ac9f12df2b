package io.jenkins.plugins.tableaupat.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The faults in force, in the order added. Each added fault keeps its own remaining count, so a request
 * consumes one use of every matching {@link Fault.Kind#LATENCY} fault before it and of the first matching
 * terminal fault. When none of them ends the request, the {@link RandomFaults} (if set) may add one.
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
    private volatile RandomFaults random;

    FaultPlan() {
    }

    public FaultPlan add(Fault fault) {
        entries.add(new Entry(fault));
        return this;
    }

    /** Adds seeded random faults to every request from now on, after the faults added; null stops them. */
    public FaultPlan random(RandomFaults faults) {
        this.random = faults;
        return this;
    }

    /** The random faults in force, or null. */
    public RandomFaults random() {
        return random;
    }

    /** Removes all faults, random ones included, and lets hung requests continue. */
    public void clear() {
        entries.clear();
        random = null;
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
     * latency fault up to and including the first matching terminal fault, each use taken; then, without a
     * terminal one, a random fault for {@code who} (the token the request is for, asked only in random mode).
     */
    List<Fault> take(Route route, Supplier<String> who) {
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
                return out;
            }
        }
        RandomFaults r = random;
        if (r != null) {
            Fault drawn = r.draw(route, who.get());
            if (drawn != null) {
                out.add(drawn);
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
