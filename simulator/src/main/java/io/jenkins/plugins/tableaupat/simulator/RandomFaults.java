package io.jenkins.plugins.tableaupat.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Seeded random faults: each request draws at most one of the faults, each with its own rate, before it
 * reaches the simulated Tableau, so a faulted sign-in never opens a session. The draw depends on the seed,
 * the route, the token the request is for and how many such requests came before, not on the order in which
 * concurrent requests arrive: the same seed gives each token the same faults in every run.
 *
 * <pre>{@code
 * sim.faults().random(RandomFaults.seed(42).rate(Fault.serverError(503), 0.10)
 *         .rate(Fault.tooManyRequests(1), 0.05).rate(Fault.dropConnection(), 0.05));
 * }</pre>
 */
public final class RandomFaults {
    /** What {@link #parse} gives {@code slow} without a number. */
    static final Duration DEFAULT_SLOW = Duration.ofSeconds(2);
    static final String SPEC_HELP = "KIND=PERCENT,... with KIND a 5xx status (e.g. 503), 429[:RETRY_AFTER_S],"
            + " drop or slow[:MS]";

    private final long seed;
    private final List<Fault> faults = new ArrayList<>();
    private final List<Double> rates = new ArrayList<>();
    private final List<AtomicInteger> injected = new ArrayList<>();
    private final Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    private double total;

    private RandomFaults(long seed) {
        this.seed = seed;
    }

    public static RandomFaults seed(long seed) {
        return new RandomFaults(seed);
    }

    /**
     * Injects {@code fault} into this share of the requests on its route (see {@link Fault#on(Route)}),
     * 0..1; all rates together at most 1. A latency fault delays the request, which then goes through.
     */
    public synchronized RandomFaults rate(Fault fault, double rate) {
        Objects.requireNonNull(fault, "fault");
        if (fault.times != Fault.ALWAYS) {
            throw new IllegalArgumentException("a random fault applies by rate, not times: " + fault);
        }
        if (!(rate >= 0 && rate <= 1) || total + rate > 1 + 1e-9) {
            throw new IllegalArgumentException("fault rates must be between 0 and 1 and add up to at most 1 (100%),"
                    + " got " + rate + " after " + total);
        }
        faults.add(fault);
        rates.add(rate);
        injected.add(new AtomicInteger());
        total += rate;
        return this;
    }

    /**
     * Reads a command-line spec, e.g. {@code 503=10,429=5,drop=5,slow=5}: percentages per kind, where
     * {@code 429} answers with Retry-After: 1 ({@code 429:N} for N seconds), {@code drop} closes the
     * connection unanswered and {@code slow} answers after 2 s ({@code slow:MS} for MS milliseconds).
     *
     * @throws IllegalArgumentException with a one-line message saying what to fix
     */
    public static RandomFaults parse(String spec, long seed) {
        RandomFaults r = seed(seed);
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("no random faults given: write " + SPEC_HELP);
        }
        for (String part : spec.split(",")) {
            String[] kv = part.strip().split("=", -1);
            if (kv.length != 2) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not KIND=PERCENT: write " + SPEC_HELP);
            }
            double percent;
            try {
                percent = Double.parseDouble(kv[1].strip().replace("%", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + kv[1].strip() + "' is not a percentage in '" + part.strip()
                        + "': write a number from 0 to 100");
            }
            if (!(percent >= 0 && percent <= 100)) {
                throw new IllegalArgumentException("the percentage in '" + part.strip() + "' must be from 0 to 100");
            }
            if (r.total + percent / 100 > 1 + 1e-9) {
                throw new IllegalArgumentException("the random fault percentages add up to more than 100 in '" + spec
                        + "'");
            }
            r.rate(fault(kv[0].strip().toLowerCase(Locale.ROOT)), percent / 100);
        }
        return r;
    }

    private static Fault fault(String kind) {
        String[] p = kind.split(":", 2);
        try {
            switch (p[0]) {
                case "429":
                    return Fault.tooManyRequests(p.length == 1 ? 1 : Integer.parseInt(p[1]));
                case "drop":
                    if (p.length == 1) {
                        return Fault.dropConnection();
                    }
                    break;
                case "slow":
                    return Fault.latency(p.length == 1 ? DEFAULT_SLOW : Duration.ofMillis(Long.parseLong(p[1])));
                default:
                    int status = Integer.parseInt(p[0]);
                    if (p.length == 1 && status >= 500 && status <= 599) {
                        return Fault.serverError(status);
                    }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("unknown random fault '" + kind + "': write " + SPEC_HELP);
    }

    public long seed() {
        return seed;
    }

    /** How many requests got a fault so far. */
    public int injected() {
        return injected.stream().mapToInt(AtomicInteger::get).sum();
    }

    /** The fault for one request on {@code route} for {@code who} (a token name, or "" when not known), or null. */
    Fault draw(Route route, String who) {
        String key = route + "|" + who;
        int n = seen.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
        long mixed = (seed * 0x9E3779B97F4A7C15L + key.hashCode()) * 0x9E3779B97F4A7C15L + n;
        double u = new SplittableRandom(mixed).nextDouble();
        double upTo = 0;
        synchronized (this) {
            for (int i = 0; i < faults.size(); i++) {
                if (!faults.get(i).route.matches(route)) {
                    continue;
                }
                upTo += rates.get(i);
                if (u < upTo) {
                    injected.get(i).incrementAndGet();
                    return faults.get(i);
                }
            }
        }
        return null;
    }

    @Override
    public synchronized String toString() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < faults.size(); i++) {
            parts.add(faults.get(i) + " " + String.format(Locale.ROOT, "%.1f%%", rates.get(i) * 100));
        }
        return "RandomFaults[seed " + seed + ": " + String.join(", ", parts) + "]";
    }
}
