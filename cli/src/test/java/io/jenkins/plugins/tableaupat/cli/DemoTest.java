package io.jenkins.plugins.tableaupat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code demo}: runs, shows every outcome, exits 0, and leaves no simulator running. */
@Timeout(60)
class DemoTest {
    private static final Pattern BASE_URL = Pattern.compile("\\(simulated\\): (https://127\\.0\\.0\\.1:\\d+)");

    @Test
    void demoRunsEveryCaseAndStopsCleanly() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        CliRun r = CliRun.with().run("demo");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.err).isEmpty();
        assertThat(r.out)
                .contains("[1/4] A healthy Tableau Cloud token")
                .contains("OK: Token 'cloud-healthy' refreshed; it expires on")
                .contains("EXPIRING: Token 'cloud-expiring' expires on").contains("(10 days left, threshold 30)")
                .contains("OK: Token 'server-etl' refreshed; Tableau Server does not report token expiry")
                .contains("EXPIRED_OR_INVALID: Token 'cloud-revoked': Sign-in refused (HTTP 401, Tableau error 401001)")
                .contains("(exit code 3)").contains("(exit code 4)")
                .contains("4 tokens: 2 OK, 1 EXPIRING, 1 EXPIRED_OR_INVALID, 0 ERROR")
                .contains("Demo finished: every token ended as expected; simulators stopped.")
                .doesNotContain("uses http")
                .containsPattern("\\d\\d:\\d\\d:\\d\\d INFO  Signing in to https://127\\.0\\.0\\.1:");
        // The made-up secrets are not shown either.
        assertThat(r.out).doesNotContain("demo-Secret-");

        List<URI> servers = new ArrayList<>();
        Matcher m = BASE_URL.matcher(r.out);
        while (m.find()) {
            servers.add(URI.create(m.group(1)));
        }
        assertThat(servers).hasSize(2);
        for (URI u : servers) {
            assertThatThrownBy(() -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(u.getHost(), u.getPort()), 1000);
                }
            }).as("port %s closed", u.getPort()).isInstanceOf(IOException.class);
        }
        assertThat(leftoverThreads(before)).isEmpty();
    }

    /** Threads the demo started that are still alive (the JDK HTTP client's own selector aside). */
    static List<String> leftoverThreads(Set<Thread> before) throws InterruptedException {
        List<String> left = List.of();
        for (int i = 0; i < 50; i++) {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.isAlive())
                    .filter(t -> !t.getName().startsWith("HttpClient-"))
                    .filter(t -> !t.getName().startsWith("ForkJoinPool"))
                    .filter(t -> !t.getName().equals("process reaper"))
                    .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : ""))
                    .collect(Collectors.toList());
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        return left;
    }
}
