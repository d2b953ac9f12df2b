package io.jenkins.plugins.tableaupat.core.rest;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Tableau writes UTC timestamps as 2026-09-30T12:00:00Z. Read any ISO-8601 form leniently: with an
 * offset, with fractions, or without a zone (taken as UTC, which is what Tableau means).
 */
public final class TableauTimestamp {
    private TableauTimestamp() {
    }

    /** The instant, or null when the text is absent or unreadable. */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
