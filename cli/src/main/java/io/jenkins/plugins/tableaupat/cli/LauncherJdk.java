package io.jenkins.plugins.tableaupat.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;

/**
 * The JDK the launcher runs the jar with, and the class cache that fits it. JDK 25 and later take an
 * AOT cache (JEP 483/514: classes loaded and linked ahead of time), which starts a refresh about a third
 * faster than JDK 17's class-data archive (docs/benchmark.md); so the build picks the newest JDK among
 * the one that builds and those installed beside it (e.g. /usr/lib/jvm/*), unless
 * {@code TABLEAU_PAT_LAUNCHER_JAVA_HOME} names one.
 */
record LauncherJdk(Path home, int feature) {
    static final String ENV = "TABLEAU_PAT_LAUNCHER_JAVA_HOME";
    /** The first release whose AOT cache is made in one run ({@code -XX:AOTCacheOutput}). */
    static final int AOT_CACHE_SINCE = 25;

    /** The JDK named by {@link #ENV}, else the newest of the building JDK and its siblings. */
    static LauncherJdk choose(Path buildingHome, String override) throws IOException {
        if (override != null && !override.isBlank()) {
            LauncherJdk named = at(Path.of(override));
            if (named == null) {
                throw new IOException(ENV + "=" + override + " is not a JDK home (no bin/java and release file)");
            }
            return named;
        }
        LauncherJdk building = at(buildingHome);
        List<LauncherJdk> found = new ArrayList<>();
        if (building != null) {
            found.add(building);
        }
        Path parent = buildingHome.toAbsolutePath().getParent();
        if (parent != null && Files.isDirectory(parent)) {
            try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent)) {
                for (Path p : siblings) {
                    LauncherJdk jdk = at(p);
                    if (jdk != null) {
                        found.add(jdk);
                    }
                }
            }
        }
        // The building JDK first among equals, so a machine with one JDK line keeps using it.
        return found.stream()
                .max(Comparator.comparingInt(LauncherJdk::feature))
                .map(newest -> building != null && building.feature() == newest.feature() ? building : newest)
                .orElseThrow(() -> new IOException("no JDK found at " + buildingHome));
    }

    /** The JDK at {@code home}, read from its release file; null when it is none (or older than 17). */
    static LauncherJdk at(Path home) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin").resolve("java")) || !Files.isRegularFile(release)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(release)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        String version = p.getProperty("JAVA_VERSION", "").replace("\"", "");
        int feature;
        try {
            feature = Integer.parseInt(version.split("[.+-]", 2)[0]);
        } catch (NumberFormatException e) {
            return null;
        }
        return feature >= 17 ? new LauncherJdk(home.toAbsolutePath(), feature) : null;
    }

    Path java() {
        return home.resolve("bin").resolve("java");
    }

    boolean aotCache() {
        return feature >= AOT_CACHE_SINCE;
    }

    /** The cache's file name next to the jar. */
    String cacheFile() {
        return SingleRefreshBenchmark.LAUNCHER + (aotCache() ? ".aot" : ".jsa");
    }

    /** The option that uses the cache, its path appended. */
    String useOption() {
        return aotCache() ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
    }

    /** The option that writes the cache at exit, its path appended. */
    String dumpOption() {
        return aotCache() ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=";
    }

    /** Silences the notice of a cache that no longer fits (a rebuilt jar): the run is slower, not different. */
    String quietOptions() {
        return aotCache() ? "-Xlog:aot=off -Xlog:cds=off" : "-Xlog:cds=off -Xlog:cds+dynamic=off";
    }
}
