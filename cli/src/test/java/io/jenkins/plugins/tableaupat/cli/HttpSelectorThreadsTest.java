package io.jenkins.plugins.tableaupat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.tableaupat.core.http.TableauHttpClient;
import io.jenkins.plugins.tableaupat.simulator.Mode;
import io.jenkins.plugins.tableaupat.simulator.TableauSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class HttpSelectorThreadsTest {
    private static boolean selectorRunning() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager"));
    }

    @Test
    void stopsTheSelectorThreadsOfClientsThatWereUsed() throws Exception {
        try (TableauSimulator sim = TableauSimulator.builder().mode(Mode.SERVER).build().start()) {
            HttpClient client = TableauHttpClient.create(Duration.ofSeconds(5));
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/2.4/serverinfo"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(selectorRunning()).isTrue();
            HttpSelectorThreads.stopAll();
            assertThat(selectorRunning()).as("a selector thread left in native code holds up the JVM's exit").isFalse();
        }
    }
}
