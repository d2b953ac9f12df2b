package io.jenkins.plugins.tableaupat.core.fleet;

import io.jenkins.plugins.tableaupat.core.RefreshResult;
import io.jenkins.plugins.tableaupat.core.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plain-text table printed after a fleet run (CLI, build log): one row per token, then the counts
 * per verdict. Cells hold only what a result shows anywhere else, never a secret.
 */
public final class ResultTable {
    private static final String[] HEADER = {"VERDICT", "DAYS LEFT", "TOKEN", "SITE", "SERVER", "DETAIL"};

    private final String labelHeading;
    private final List<String> labels = new ArrayList<>();
    private final List<RefreshResult> results = new ArrayList<>();

    /** @param labelHeading the heading of the first column, which names each row, e.g. "LINE" */
    public ResultTable(String labelHeading) {
        this.labelHeading = labelHeading;
    }

    public ResultTable add(String label, RefreshResult result) {
        labels.add(label);
        results.add(result);
        return this;
    }

    /** The heading, one line per row, and the counts line; columns padded, the last (DETAIL) not. */
    public List<String> lines() {
        List<String[]> rows = new ArrayList<>();
        String[] head = new String[HEADER.length + 1];
        head[0] = labelHeading;
        System.arraycopy(HEADER, 0, head, 1, HEADER.length);
        rows.add(head);
        for (int i = 0; i < results.size(); i++) {
            RefreshResult r = results.get(i);
            rows.add(new String[] {labels.get(i), r.verdict().name(), daysLeft(r.daysUntilExpiry()), r.tokenName(),
                site(r.site()), r.serverUrl(), detail(r)});
        }
        int[] width = new int[head.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length - 1; c++) {
                width[c] = Math.max(width[c], String.valueOf(row[c]).length());
            }
        }
        List<String> out = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                String cell = String.valueOf(row[c]);
                line.append(cell);
                if (c < row.length - 1) {
                    line.append(" ".repeat(width[c] + 2 - cell.length()));
                }
            }
            out.add(line.toString().stripTrailing());
        }
        out.add(counts());
        return out;
    }

    /**
     * e.g. "4 tokens: 1 OK, 1 EXPIRING, 1 EXPIRED_OR_INVALID, 1 ERROR", followed by "; 2 needed an extra
     * round" when some did.
     */
    public String counts() {
        Map<Verdict, Integer> n = FleetReport.countByVerdict(results);
        List<String> parts = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            parts.add(n.get(v) + " " + v.name());
        }
        int extra = FleetReport.countExtraRound(results);
        return results.size() + (results.size() == 1 ? " token: " : " tokens: ") + String.join(", ", parts)
                + (extra == 0 ? "" : "; " + extra + " needed an extra round");
    }

    /** The DAYS LEFT cell: the days, or "-" when unknown (Tableau Server, a failed refresh). */
    public static String daysLeft(Long daysUntilExpiry) {
        return daysUntilExpiry == null ? "-" : String.valueOf(daysUntilExpiry);
    }

    /** The SITE cell: the site's content URL, or "(default)" for the Default site. */
    public static String site(String site) {
        return site == null || site.isEmpty() ? "(default)" : site;
    }

    /** The summary without its "Token 'name'" opening, which the TOKEN column already shows. */
    static String detail(RefreshResult r) {
        return detail(r.tokenName(), r.summary());
    }

    /**
     * A result's summary without its "Token 'name'" opening, for any table with a token column (the
     * Jenkins build page shows the same cells as this table).
     */
    public static String detail(String tokenName, String summary) {
        String s = summary == null ? "" : summary;
        String opening = "Token '" + tokenName + "'";
        if (s.startsWith(opening)) {
            s = s.substring(opening.length());
            if (s.startsWith(":")) {
                s = s.substring(1);
            }
            s = s.strip();
        }
        return s;
    }
}
