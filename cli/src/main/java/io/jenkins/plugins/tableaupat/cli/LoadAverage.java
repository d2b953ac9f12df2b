package io.jenkins.plugins.tableaupat.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's 1, 5 and 15 minute load averages, printed with benchmark figures: they say how busy it was. */
final class LoadAverage {
    private LoadAverage() {
    }

    /** "1.02 0.80 0.55", or "n/a" where /proc/loadavg is missing. */
    static String now() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }
}
