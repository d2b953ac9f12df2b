package io.jenkins.plugins.tableaupat;

import static io.jenkins.plugins.tableaupat.TokenFleetFixture.EXPIRING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A step that does not set thresholdDays uses the global default. Needs the behaviour of issue 7: a step
 * that omits thresholdDays resolves it through {@link PluginDefaults#thresholdDays()}.
 */
@WithJenkins
class GlobalThresholdDefaultTest {
    private JenkinsRule j;
    private TokenFleetFixture fleet;

    @BeforeEach
    void setUp(JenkinsRule j) throws Exception {
        this.j = j;
        fleet = new TokenFleetFixture();
        TokenFleetFixture.addCredentials(j);
    }

    @AfterEach
    void tearDown() {
        fleet.close();
    }

    @Test
    void aStepWithoutThresholdDaysFollowsTheGlobalDefault() throws Exception {
        // The token expires in 10 days: EXPIRING under the built-in 30, OK under a global 5.
        WorkflowRun before = fleet.refresh(j, "keepalive", EXPIRING);
        assertEquals("EXPIRING", before.getAction(TableauPatRefreshAction.class).getVerdict());

        TableauPatGlobalConfiguration.get().setThresholdDays(5);
        WorkflowRun after = fleet.refresh(j, "keepalive", EXPIRING);
        assertEquals("OK", after.getAction(TableauPatRefreshAction.class).getVerdict());
        j.assertLogContains("10 days left", after);
    }
}
