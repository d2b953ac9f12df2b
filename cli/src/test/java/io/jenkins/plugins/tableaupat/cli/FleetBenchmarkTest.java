package io.jenkins.plugins.tableaupat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The benchmark prints its figures (a small run; the figures themselves are not asserted). */
@Timeout(60)
class FleetBenchmarkTest {
    @Test
    void smallRunPrintsEveryFigure() {
        CliRun r = CliRun.with().run("bench", "--tokens", "20", "--latency-ms", "5", "--parallel", "5",
                "--warmup", "0");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("Benchmark:    20 tokens (10 Tableau Cloud, 10 Tableau Server), 5 ms latency")
                .contains("Requests:     52 (minimum 52")
                .contains("Elapsed:").contains("Lower bound:  0.060 s = (10 x 3 + 10 x 2) round trips x 5 ms / 5"
                        + " + 2 servers x 5 ms")
                .contains("Ratio:").contains("target <= 1.10 at parallelism up to 8").contains("CPU / token:")
                .containsPattern("Floor:        \\d+\\.\\d{3} s, ratio \\d+\\.\\d{3}.*: the same round trips through core's"
                        + " JDK HttpClient, no engine")
                .containsPattern("Engine:       elapsed / floor \\d+\\.\\d{3}: what the refresher adds; the floor's CPU"
                        + " / token \\d+\\.\\d{3} ms, \\d+\\.\\d{3} ms in the simulators")
                .contains("Simulators:").contains("ms CPU in the measured run").contains("CPU share:    refresher ")
                .contains("load average").contains("Peak heap:").contains("Verdicts:     20 OK");
    }

    @Test
    void inProcessSimulatorsAreCountedAndSaidSo() {
        CliRun r = CliRun.with().run("bench", "--tokens", "10", "--latency-ms", "0", "--warmup", "1", "--in-process");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("the in-process simulators included").contains("(--in-process: not told apart)")
                .containsPattern("Floor:        \\d+\\.\\d{3} s: the same round trips").doesNotContain("in the simulators")
                .contains("Verdicts:     10 OK");
    }

    @Test
    void seededRandomFaultsCostRequestsButNoToken() {
        CliRun r = CliRun.with().run("bench", "--tokens", "40", "--latency-ms", "0", "--warmup", "0", "--in-process",
                "--random-faults", "503=15,drop=10", "--fault-seed", "7");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out).contains("Faults:       503=15,drop=10, seed 7, before the simulated Tableau")
                .contains("Floor:        not measured with --random-faults")
                .contains("Verdicts:     40 OK").contains("(minimum 102:");
        java.util.regex.Matcher requests = java.util.regex.Pattern.compile("Requests: +(\\d+) ").matcher(r.out);
        assertThat(requests.find()).as(r.out).isTrue();
        assertThat(Integer.parseInt(requests.group(1))).as("requests with 25% faulted").isGreaterThan(110);
    }

    @Test
    void badRandomFaultsAreAUsageError() {
        CliRun r = CliRun.with().run("bench", "--random-faults", "404=5");
        assertThat(r.exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(r.err).contains("error: --random-faults: unknown random fault '404': write KIND=PERCENT,...");
    }

    @Test
    void badOptionsAreUsageErrors() {
        CliRun r = CliRun.with().run("bench", "--tokens", "1");
        assertThat(r.exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(r.err).contains("error: --tokens must be between 2 and 100000, got 1");
    }
}
