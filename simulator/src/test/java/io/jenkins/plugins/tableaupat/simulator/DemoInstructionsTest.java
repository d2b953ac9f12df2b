package io.jenkins.plugins.tableaupat.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.tableaupat.simulator.DemoTableau.DemoToken;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DemoInstructionsTest {
    private final MutableClock clock = new MutableClock(SimulatorTestSupport.NOW);
    private DemoTableau demo;

    @BeforeEach
    void start() {
        demo = DemoTableau.start(0, clock);
    }

    @AfterEach
    void stop() {
        demo.close();
    }

    @Test
    void printsBothUrlsAndEveryCredentialWithItsMadeUpSecret() {
        String text = DemoInstructions.text(demo);
        assertThat(text).contains("Tableau Cloud   " + demo.cloudUrl() + "   site 'demo'")
                .contains("Tableau Server  " + demo.serverUrl() + "   Default site")
                .contains("invented for this demo and are printed on purpose")
                .contains("'Username with password'")
                .endsWith(DemoInstructions.READY + "\n");
        assertThat(demo.tokens()).hasSize(4);
        for (DemoToken t : demo.tokens()) {
            assertThat(text).containsPattern("(?m)^   " + Pattern.quote(t.credentialsId()) + " +"
                    + Pattern.quote(t.name()) + " +" + Pattern.quote(t.secret()) + " +"
                    + (t.cloud() ? "Cloud" : "Server") + " ");
        }
    }

    @Test
    void jenkinsfileUsesEveryCredentialOnItsOwnSimulator() {
        String jenkinsfile = DemoInstructions.jenkinsfile(demo);
        assertThat(jenkinsfile).contains("def cloud = '" + demo.cloudUrl() + "'")
                .contains("def server = '" + demo.serverUrl() + "'")
                .doesNotContain("stage(").doesNotContain("node ").doesNotContain("pipeline {");
        Matcher step = Pattern.compile("tableauPatRefresh serverUrl: (cloud|server), ((?:[^\\n]*,\\n)*[^\\n]*)")
                .matcher(jenkinsfile);
        int steps = 0;
        while (step.find()) {
            steps++;
            String args = step.group(2);
            Matcher id = Pattern.compile("credentialsId: '([^']+)'").matcher(args);
            assertThat(id.find()).as(args).isTrue();
            DemoToken t = demo.token(id.group(1));
            assertThat(step.group(1)).as(args).isEqualTo(t.cloud() ? "cloud" : "server");
            if (t.cloud()) {
                assertThat(args).contains("site: 'demo'").contains("deployment: 'cloud'");
            }
            // The revoked token would otherwise fail the build before its result can be shown.
            assertThat(args.contains("errorResult: 'UNSTABLE'")).as(args)
                    .isEqualTo(t.credentialsId().equals("demo-cloud-revoked"));
        }
        assertThat(steps).isEqualTo(demo.tokens().size());
        for (DemoToken t : demo.tokens()) {
            assertThat(jenkinsfile).doesNotContain(t.secret());
        }
    }
}
