package io.jenkins.plugins.tableaupat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.tableaupat.simulator.Fault;
import io.jenkins.plugins.tableaupat.simulator.Mode;
import io.jenkins.plugins.tableaupat.simulator.Route;
import io.jenkins.plugins.tableaupat.simulator.TableauSimulator;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The floor makes the fleet's round trips, no more and no fewer, and is never reported from failed requests. */
@Timeout(30)
class TransportFloorTest {
    private final TableauSimulator cloud = TableauSimulator.builder().mode(Mode.CLOUD).plainHttpFrontDoor(false).build()
            .start();
    private final TableauSimulator server = TableauSimulator.builder().mode(Mode.SERVER).build().start();

    @AfterEach
    void close() {
        cloud.close();
        server.close();
    }

    @Test
    void makesThreeRoundTripsPerCloudTokenTwoPerServerTokenAndServerinfoOncePerServer() throws Exception {
        AtomicLong cpu = new AtomicLong();
        TransportFloor.Figures f = TransportFloor.measure(cloud.baseUrl(), server.baseUrl(), 7, 5, 3,
                () -> cpu.addAndGet(1_000_000));
        assertThat(cloud.requestCount()).isEqualTo(1 + 7 * 3);
        assertThat(server.requestCount()).isEqualTo(1 + 5 * 2);
        assertThat(cloud.requests()).allSatisfy(r -> assertThat(r.path()).isEqualTo("/api/2.4/serverinfo"));
        assertThat(cloud.openSessions()).isZero();
        assertThat(f.elapsed()).isPositive();
        assertThat(f.cpu()).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void theWorkersRunSideBySide() throws Exception {
        TransportFloor.measure(cloud.baseUrl(), server.baseUrl(), 4, 0, 4, () -> 0); // loads the HTTP client's classes
        cloud.faults().add(Fault.latency(Duration.ofMillis(40)).on(Route.ANY));
        server.faults().add(Fault.latency(Duration.ofMillis(40)).on(Route.ANY));
        // 2 serverinfo in a row, then 4 Cloud tokens of 3 round trips on 4 workers: 5 round trips in a row;
        // one worker alone would take 14.
        TransportFloor.Figures f = TransportFloor.measure(cloud.baseUrl(), server.baseUrl(), 4, 0, 4, () -> 0);
        assertThat(f.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(5 * 40)).isLessThan(Duration.ofMillis(14 * 40));
    }

    @Test
    void anAnswerOtherThan200IsAnErrorNotAFloor() {
        server.faults().add(Fault.serverError(503).on(Route.SERVERINFO).times(3));
        assertThatThrownBy(() -> TransportFloor.measure(cloud.baseUrl(), server.baseUrl(), 1, 1, 2, () -> 0))
                .isInstanceOf(IOException.class).hasMessage("serverinfo answered HTTP 503 instead of 200");
    }
}
