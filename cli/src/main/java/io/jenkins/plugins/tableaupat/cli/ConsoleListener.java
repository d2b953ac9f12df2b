package io.jenkins.plugins.tableaupat.cli;

import io.jenkins.plugins.tableaupat.core.ProgressListener;
import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Prints the engine's progress lines like pat_checker.py's log: {@code 2026-11-23 10:00:00 INFO  ...}
 * on stderr, so stdout keeps only the result. An optional prefix tells fleet lines apart.
 */
final class ConsoleListener implements ProgressListener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final PrintStream stream;
    private final Clock clock;
    private final String prefix;
    private final boolean showInfo;

    /**
     * @param showInfo false for {@code --quiet}: warnings only
     */
    ConsoleListener(PrintStream stream, Clock clock, String prefix, boolean showInfo) {
        this.stream = stream;
        this.clock = clock;
        this.prefix = prefix == null || prefix.isEmpty() ? "" : prefix + " ";
        this.showInfo = showInfo;
    }

    @Override
    public void info(String line) {
        if (showInfo) {
            print("INFO ", line);
        }
    }

    @Override
    public void warn(String line) {
        print("WARN ", line);
    }

    private void print(String level, String line) {
        String time = TIME.format(clock.instant().atZone(zone()));
        stream.println(time + " " + level + " " + prefix + line);
    }

    private ZoneId zone() {
        return clock.getZone();
    }
}
