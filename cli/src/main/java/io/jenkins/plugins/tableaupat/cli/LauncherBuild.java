package io.jenkins.plugins.tableaupat.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Build step (the cli module's package phase runs it with exec-maven-plugin): writes the launcher script
 * {@code tableau-pat-refresh} next to the jar and trains its class cache (an AOT cache on JDK 25+, a
 * class-data-sharing archive on 17 to 24; {@link LauncherJdk}) with one single refresh against a
 * simulated Tableau Cloud. Both depend on the JDK and the OS (a POSIX shell), so any failure is reported
 * and the build goes on: without a cache the launcher runs without it; a launcher that could not run the
 * refresh is removed. {@code java -jar} works either way.
 */
public final class LauncherBuild {
    private LauncherBuild() {
    }

    /** {@code LauncherBuild <path of tableau-pat-refresh.jar>}; always exits 0. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.out.println("usage: LauncherBuild <path of tableau-pat-refresh.jar>");
            return;
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path script = jar.resolveSibling(SingleRefreshBenchmark.LAUNCHER);
        LauncherJdk jdk;
        Path archive;
        try {
            jdk = LauncherJdk.choose(Path.of(System.getProperty("java.home")), System.getenv(LauncherJdk.ENV));
            archive = jar.resolveSibling(jdk.cacheFile());
            for (String stale : List.of(".jsa", ".aot")) {
                Files.deleteIfExists(jar.resolveSibling(SingleRefreshBenchmark.LAUNCHER + stale));
            }
            writeScript(script, jdk);
        } catch (IOException | RuntimeException e) {
            System.out.println("launcher: not written (" + e + "); use java -jar " + jar.getFileName());
            return;
        }
        Training t;
        try {
            t = train(script, archive);
        } catch (IOException | RuntimeException e) {
            t = new Training(false, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            t = new Training(false, "interrupted");
        }
        if (!t.scriptWorks()) {
            // A launcher that cannot run a refresh here (no POSIX shell, a JVM without these options)
            // would only mislead: leave java -jar as the one way.
            deleteQuietly(script);
            deleteQuietly(archive);
            System.out.println("launcher: not written (a refresh through it failed: " + t.problem() + "); use java -jar "
                    + jar.getFileName());
        } else {
            String runs = " (runs Java " + jdk.feature() + " at " + jdk.home() + ")";
            System.out.println(t.problem() == null
                    ? "launcher: wrote " + script + runs + " and its class cache " + archive.getFileName()
                    : "launcher: wrote " + script + runs + "; no class cache (" + t.problem() + "), so it starts slower");
        }
    }

    /** How the training refresh went: whether the script ran it, and why there is no archive (null: there is). */
    private record Training(boolean scriptWorks, String problem) {
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // Nothing better to do in a build step that must not fail.
        }
    }

    private static void writeScript(Path script, LauncherJdk jdk) throws IOException {
        String template;
        try (InputStream in = LauncherBuild.class.getResourceAsStream("launcher.sh")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String text = template
                .replace("@JAVA@", shellQuoted(jdk.java().toString()))
                .replace("@CACHE@", shellQuoted(jdk.cacheFile()))
                .replace("@USE@", jdk.useOption())
                .replace("@DUMP@", jdk.dumpOption())
                .replace("@QUIET@", jdk.quietOptions());
        Files.writeString(script, text, StandardCharsets.UTF_8);
        if (!script.toFile().setExecutable(true, false)) {
            throw new IOException("cannot make " + script + " executable");
        }
    }

    private static String shellQuoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Runs one refresh through the launcher with the dump switch. */
    private static Training train(Path script, Path archive) throws IOException, InterruptedException {
        try (LoopbackCloud cloud = LoopbackCloud.start()) {
            List<String> command = new ArrayList<>(List.of(script.toString()));
            command.addAll(cloud.refreshArguments());
            Map<String, String> env = new HashMap<>(cloud.environment());
            env.put("TABLEAU_PAT_REFRESH_CDS", "dump");
            ProcessMeter.Run run = ProcessMeter.run(command, env);
            if (run.exitCode() != 0 || !run.stdout().startsWith("OK: ")) {
                return new Training(false, "exit code " + run.exitCode());
            }
            return new Training(true, Files.isRegularFile(archive) ? null : "this JDK did not write one");
        }
    }
}
