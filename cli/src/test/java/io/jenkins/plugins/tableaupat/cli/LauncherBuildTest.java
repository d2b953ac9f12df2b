package io.jenkins.plugins.tableaupat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build step leaves no launcher behind that cannot run a refresh. (The working launcher and its
 * archive are made from the shaded jar, after the tests; .ci/run runs the demo through it.)
 */
@Timeout(60)
class LauncherBuildTest {
    @Test
    void aLauncherThatCannotRefreshIsRemovedAndTheBuildGoesOn(@TempDir Path dir) {
        Path jar = dir.resolve("tableau-pat-refresh.jar"); // absent: the training refresh must fail
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LauncherBuild.main(new String[] {jar.toString()});
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .startsWith("launcher: not written (")
                .contains("use java -jar tableau-pat-refresh.jar");
        assertThat(Files.exists(dir.resolve("tableau-pat-refresh"))).isFalse();
        assertThat(Files.exists(dir.resolve("tableau-pat-refresh.jsa"))).isFalse();
        assertThat(Files.exists(dir.resolve("tableau-pat-refresh.aot"))).isFalse();
    }
}
