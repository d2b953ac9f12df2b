package io.jenkins.plugins.tableaupat.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Build step (the cli module's package phase runs it with exec-maven-plugin): writes the launcher script
 * {@code tableau-pat-refresh} next to the jar and trains its class-data-sharing archive with one
 * single refresh against a simulated Tableau Cloud. Dumping an archive depends on the JDK (17+ with
 * -XX:ArchiveClassesAtExit) and the OS (a POSIX shell), so any failure is reported and the build goes
 * on: the launcher then runs without the archive, and {@code java -jar} works either way.
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
        Path archive = jar.resolveSibling(SingleRefreshBenchmark.LAUNCHER + ".jsa");
        try {
            Files.deleteIfExists(archive);
            writeScript(script);
        } catch (IOException | RuntimeException e) {
            System.out.println("launcher: not written (" + e + "); use java -jar " + jar.getFileName());
            return;
        }
        String problem;
        try {
            problem = train(script, archive);
        } catch (IOException | RuntimeException e) {
            problem = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        }
        System.out.println(problem == null
                ? "launcher: wrote " + script + " and its class-data archive " + archive.getFileName()
                : "launcher: wrote " + script + "; no class-data archive (" + problem + "), so it starts slower");
    }

    private static void writeScript(Path script) throws IOException {
        String template;
        try (InputStream in = LauncherBuild.class.getResourceAsStream("launcher.sh")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(script, template.replace("@JAVA@", shellQuoted(java)), StandardCharsets.UTF_8);
        if (!script.toFile().setExecutable(true, false)) {
            throw new IOException("cannot make " + script + " executable");
        }
    }

    private static String shellQuoted(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Runs one refresh through the launcher with the dump switch; null when the archive was written. */
    private static String train(Path script, Path archive) throws IOException, InterruptedException {
        try (LoopbackCloud cloud = LoopbackCloud.start()) {
            List<String> command = new ArrayList<>(List.of(script.toString()));
            command.addAll(cloud.refreshArguments());
            ProcessMeter.Run run = ProcessMeter.run(command, Map.of(SecretSource.DEFAULT_ENV,
                    cloud.environment().get(SecretSource.DEFAULT_ENV), "TABLEAU_PAT_REFRESH_CDS", "dump"));
            if (run.exitCode() != 0 || !run.stdout().startsWith("OK: ")) {
                Files.deleteIfExists(archive);
                return "the training refresh exited with " + run.exitCode();
            }
            return Files.isRegularFile(archive) ? null : "this JDK did not write one";
        }
    }
}
