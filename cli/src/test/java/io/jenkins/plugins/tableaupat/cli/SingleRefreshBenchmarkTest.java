package io.jenkins.plugins.tableaupat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** bench-single prints its figures (one run from the test class path; the figures are not asserted). */
@Timeout(120)
class SingleRefreshBenchmarkTest {
    @Test
    void oneRunPrintsTheBareJvmAndTheRefreshSideBySide() {
        CliRun r = CliRun.run("bench-single", "--runs", "1", "--warmup", "0");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("Benchmark:    single Tableau Cloud refresh as a whole process")
                .contains("load average").contains("java -version ").contains("java -jar (class path)")
                .contains("Targets, java -jar (class path): wall <= 0.20 s").contains("every refresh OK")
                .contains("No launcher next to the jar")
                .contains("Sessions:     every refresh signed out (0 open on the simulator)");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(CliRun.run("bench-single", "--runs", "0").err).contains("error: --runs must be between 1 and 200, got 0");
        CliRun r = CliRun.run("bench-single", "--launcher", "/nonexistent/launcher");
        assertThat(r.exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(r.err).contains("error: --launcher /nonexistent/launcher is not an executable file");
    }
}
