package io.jenkins.plugins.tableaupat.cli;

import io.jenkins.plugins.tableaupat.core.RefreshResult;
import io.jenkins.plugins.tableaupat.core.Verdict;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The table printed after a fleet run or the demo: one row per token, then the counts per verdict. */
final class SummaryTable {
    private static final String[] HEADER = {"VERDICT", "DAYS LEFT", "TOKEN", "SITE", "SERVER", "DETAIL"};

    private final String firstColumn;
    private final List<String> ids = new ArrayList<>();
    private final List<RefreshResult> results = new ArrayList<>();

    /** @param firstColumn the heading of the row id column, e.g. "LINE" */
    SummaryTable(String firstColumn) {
        this.firstColumn = firstColumn;
    }

    SummaryTable add(String id, RefreshResult result) {
        ids.add(id);
        results.add(result);
        return this;
    }

    void print(PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        String[] head = new String[HEADER.length + 1];
        head[0] = firstColumn;
        System.arraycopy(HEADER, 0, head, 1, HEADER.length);
        rows.add(head);
        for (int i = 0; i < results.size(); i++) {
            RefreshResult r = results.get(i);
            rows.add(new String[] {ids.get(i), r.verdict().name(),
                r.daysUntilExpiry() == null ? "-" : String.valueOf(r.daysUntilExpiry()), r.tokenName(),
                r.site() == null || r.site().isEmpty() ? "(default)" : r.site(), r.serverUrl(), detail(r)});
        }
        int[] width = new int[head.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length - 1; c++) {
                width[c] = Math.max(width[c], String.valueOf(row[c]).length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                String cell = String.valueOf(row[c]);
                line.append(c == row.length - 1 ? cell : pad(cell, width[c] + 2));
            }
            out.println(line.toString().stripTrailing());
        }
        out.println(counts());
    }

    /** e.g. "4 tokens: 1 OK, 1 EXPIRING, 1 EXPIRED_OR_INVALID, 1 ERROR" */
    String counts() {
        Map<Verdict, Integer> n = countByVerdict(results);
        StringBuilder sb = new StringBuilder().append(results.size()).append(results.size() == 1 ? " token: " : " tokens: ");
        List<String> parts = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            parts.add(n.get(v) + " " + v.name());
        }
        return sb.append(String.join(", ", parts)).toString();
    }

    static Map<Verdict, Integer> countByVerdict(List<RefreshResult> results) {
        Map<Verdict, Integer> n = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            n.put(v, 0);
        }
        for (RefreshResult r : results) {
            n.merge(r.verdict(), 1, Integer::sum);
        }
        return n;
    }

    /** The summary without its "Token 'name'" opening, which the TOKEN column already shows. */
    static String detail(RefreshResult r) {
        String s = r.summary();
        String opening = "Token '" + r.tokenName() + "'";
        if (s.startsWith(opening)) {
            s = s.substring(opening.length());
            if (s.startsWith(":")) {
                s = s.substring(1);
            }
            s = s.strip();
        }
        return s;
    }

    private static String pad(String s, int w) {
        StringBuilder sb = new StringBuilder(s);
        while (sb.length() < w) {
            sb.append(' ');
        }
        return sb.toString();
    }
}
