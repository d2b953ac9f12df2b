package io.jenkins.plugins.tableaupat.core;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads sign-in's optional estimatedTimeToExpiration, seen as "days:hours:minutes" (e.g. 177:05:38).
 * Its meaning is not documented for every product, so it is only a fallback for a missing expiresAt.
 */
public final class TimeToExpiration {
    private static final Pattern D_HH_MM = Pattern.compile("(\\d{1,5}):(\\d{1,2}):(\\d{1,2})");

    private TimeToExpiration() {
    }

    /** The duration, or null when absent or not in the D:HH:MM form. */
    public static Duration parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = D_HH_MM.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        int hours = Integer.parseInt(m.group(2));
        int minutes = Integer.parseInt(m.group(3));
        if (hours > 23 || minutes > 59) {
            return null;
        }
        return Duration.ofDays(Long.parseLong(m.group(1))).plusHours(hours).plusMinutes(minutes);
    }
}
