package io.jenkins.plugins.tableaupat.core.overview;

import io.jenkins.plugins.tableaupat.core.RefreshResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest record of every token refreshed anywhere, bounded in size: beyond the capacity the token
 * checked longest ago is dropped (and counted), so a host that refreshes ever new tokens keeps a fixed
 * footprint. Thread-safe.
 */
public final class TokenOverview {
    public static final int DEFAULT_CAPACITY = 1000;

    private final int capacity;
    private final Map<String, TokenRecord> records = new LinkedHashMap<>();
    private long dropped;

    /**
     * @throws IllegalArgumentException when capacity is below 1
     */
    public TokenOverview(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("The token overview needs room for at least 1 token, got " + capacity);
        }
        this.capacity = capacity;
    }

    /**
     * Folds a refresh result into its token's record (creating it on first sight) and returns the record.
     *
     * @param credentialsId where the secret came from; runName and runUrl say which run refreshed it
     */
    public synchronized TokenRecord record(String credentialsId, RefreshResult result, String runName, String runUrl) {
        String key = TokenRecord.keyOf(result);
        TokenRecord previous = records.remove(key);
        TokenRecord next = previous == null
                ? TokenRecord.first(credentialsId, result, runName, runUrl)
                : previous.next(credentialsId, result, runName, runUrl);
        records.put(key, next);
        while (records.size() > capacity) {
            records.remove(oldest());
            dropped++;
        }
        return next;
    }

    private String oldest() {
        // Insertion order is last-recorded order, but results may arrive out of checkedAt order.
        return records.values().stream()
                .min(Comparator.comparing(TokenRecord::checkedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .orElseThrow()
                .key();
    }

    /** Removes a token that is gone for good; false when it was not known. */
    public synchronized boolean forget(String key) {
        return records.remove(key) != null;
    }

    /** A snapshot of every record, in no particular order. */
    public synchronized List<TokenRecord> records() {
        return new ArrayList<>(records.values());
    }

    /** A snapshot of every record, most urgent first. */
    public List<TokenRecord> byUrgency(AttentionRule rule) {
        List<TokenRecord> all = records();
        all.sort(rule.urgency());
        return all;
    }

    public synchronized int size() {
        return records.size();
    }

    public int capacity() {
        return capacity;
    }

    /** How many tokens were dropped so far to stay within the capacity. */
    public synchronized long dropped() {
        return dropped;
    }
}
