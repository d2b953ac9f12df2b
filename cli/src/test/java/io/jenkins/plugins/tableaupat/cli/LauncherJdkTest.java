package io.jenkins.plugins.tableaupat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which JDK the launcher runs with, and which class cache goes with it. */
class LauncherJdkTest {
    @TempDir
    Path jvms;

    @Test
    void theNewestJdkBesideTheBuildingOneIsChosenAndGetsAnAotCache() throws IOException {
        Path building = jdk("java-17", "\"17.0.15\"");
        Path newest = jdk("temurin-25", "\"25.0.3\"");
        jdk("temurin-21", "\"21.0.9\"");
        jdk("java-11", "\"11.0.2\""); // too old to run the tool: never chosen
        Files.createDirectories(jvms.resolve("not-a-jdk"));

        LauncherJdk chosen = LauncherJdk.choose(building, null);

        assertThat(chosen.home()).isEqualTo(newest);
        assertThat(chosen.feature()).isEqualTo(25);
        assertThat(chosen.cacheFile()).isEqualTo("tableau-pat-refresh.aot");
        assertThat(chosen.useOption()).isEqualTo("-XX:AOTCache=");
        assertThat(chosen.dumpOption()).isEqualTo("-XX:AOTCacheOutput=");
    }

    @Test
    void aloneOrNewestTheBuildingJdkKeepsTheClassDataArchive() throws IOException {
        Path building = jdk("java-17", "\"17.0.15\"");
        jdk("other-17", "\"17.0.2\"");

        LauncherJdk chosen = LauncherJdk.choose(building, "");

        assertThat(chosen.home()).isEqualTo(building);
        assertThat(chosen.cacheFile()).isEqualTo("tableau-pat-refresh.jsa");
        assertThat(chosen.useOption()).isEqualTo("-XX:SharedArchiveFile=");
        assertThat(chosen.dumpOption()).isEqualTo("-XX:ArchiveClassesAtExit=");
    }

    @Test
    void theEnvironmentVariableNamesTheJdk() throws IOException {
        Path building = jdk("java-17", "\"17.0.15\"");
        jdk("temurin-25", "\"25.0.3\"");

        assertThat(LauncherJdk.choose(building, building.toString()).home()).isEqualTo(building);
        assertThatThrownBy(() -> LauncherJdk.choose(building, jvms.resolve("nowhere").toString()))
                .isInstanceOf(IOException.class)
                .hasMessage("TABLEAU_PAT_LAUNCHER_JAVA_HOME=" + jvms.resolve("nowhere")
                        + " is not a JDK home (no bin/java and release file)");
    }

    @Test
    void theRunningJdkIsFoundFromItsOwnHome() {
        LauncherJdk running = LauncherJdk.at(Path.of(System.getProperty("java.home")));
        assertThat(running).isNotNull();
        assertThat(running.feature()).isEqualTo(Runtime.version().feature());
        assertThat(running.java()).isExecutable();
    }

    private Path jdk(String name, String version) throws IOException {
        Path home = jvms.resolve(name);
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=" + version + "\n");
        return home;
    }
}
