package io.jenkins.plugins.tableaupat.core.fleet;

import io.jenkins.plugins.tableaupat.core.RefreshResult;
import io.jenkins.plugins.tableaupat.core.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The outcome of a fleet run: one result per entry, in the entries' order. */
public final class FleetReport {
    private final List<FleetEntry> entries;
    private final List<RefreshResult> results;

    FleetReport(List<FleetEntry> entries, List<RefreshResult> results) {
        this.entries = List.copyOf(entries);
        this.results = Collections.unmodifiableList(new ArrayList<>(results));
    }

    public List<FleetEntry> entries() {
        return entries;
    }

    public List<RefreshResult> results() {
        return results;
    }

    /** The worst verdict of all tokens; OK for an empty run. */
    public Verdict worst() {
        return Verdict.worst(results.stream().map(RefreshResult::verdict).toList());
    }

    /** How many tokens ended with each verdict; every verdict is present, in declaration order. */
    public Map<Verdict, Integer> counts() {
        return countByVerdict(results);
    }

    /** How many tokens needed the extra round: their first attempt failed in passing. */
    public int extraRoundCount() {
        return countExtraRound(results);
    }

    static int countExtraRound(List<RefreshResult> results) {
        return (int) results.stream().filter(RefreshResult::extraRound).count();
    }

    /** The results whose verdict is one of {@code verdicts}, in order. */
    public List<RefreshResult> withVerdict(Verdict... verdicts) {
        List<Verdict> wanted = List.of(verdicts);
        return results.stream().filter(r -> wanted.contains(r.verdict())).toList();
    }

    /** The summary table, one row per entry headed by its label. */
    public ResultTable table(String labelHeading) {
        ResultTable t = new ResultTable(labelHeading);
        for (int i = 0; i < entries.size(); i++) {
            t.add(entries.get(i).label(), results.get(i));
        }
        return t;
    }

    public static Map<Verdict, Integer> countByVerdict(List<RefreshResult> results) {
        Map<Verdict, Integer> n = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            n.put(v, 0);
        }
        for (RefreshResult r : results) {
            n.merge(r.verdict(), 1, Integer::sum);
        }
        return n;
    }
}
