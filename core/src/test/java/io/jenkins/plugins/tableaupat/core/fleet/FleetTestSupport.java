package io.jenkins.plugins.tableaupat.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.tableaupat.core.ProgressListener;
import io.jenkins.plugins.tableaupat.simulator.TableauSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * What every fleet test captures and checks after itself: each entry's progress lines, no secret in
 * them, and no session left open on any simulator it started.
 */
abstract class FleetTestSupport {
    static final String SITE = "acme";
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    final List<TableauSimulator> simulators = new ArrayList<>();
    final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final String secret;

    FleetTestSupport(String secret) {
        this.secret = secret;
    }

    @AfterEach
    void noSecretAndNoSessionLeft() {
        try {
            assertThat(String.join("\n", output)).doesNotContain(secret);
            for (TableauSimulator sim : simulators) {
                assertThat(sim.openSessions()).as("open sessions").isZero();
            }
        } finally {
            simulators.forEach(TableauSimulator::close);
        }
    }

    /** A listener that records "label INFO line" and "label WARN line". */
    ProgressListener capture(FleetEntry e) {
        return new ProgressListener() {
            @Override
            public void info(String line) {
                output.add(e.label() + " INFO " + line);
            }

            @Override
            public void warn(String line) {
                output.add(e.label() + " WARN " + line);
            }
        };
    }
}
