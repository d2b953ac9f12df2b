package io.jenkins.plugins.tableaupat;

import static io.jenkins.plugins.tableaupat.TokenFleetFixture.HEALTHY;
import static io.jenkins.plugins.tableaupat.TokenFleetFixture.REFUSED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.tableaupat.core.Verdict;
import io.jenkins.plugins.tableaupat.core.overview.TokenRecord;
import java.io.File;
import java.util.List;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** The overview is read back from JENKINS_HOME after a restart. */
class TokenOverviewRestartTest {
    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void theOverviewSurvivesARestart() throws Throwable {
        try (TokenFleetFixture fleet = new TokenFleetFixture()) {
            String[] runUrl = new String[1];
            sessions.then(j -> {
                TokenFleetFixture.addCredentials(j);
                WorkflowRun b = fleet.refresh(j, "keepalive", HEALTHY, REFUSED);
                runUrl[0] = b.getUrl();
                assertEquals(2, TokenOverviewStore.get().records().size());
                TableauPatGlobalConfiguration.get().setStaleDays(9);
            });
            sessions.then(j -> {
                assertTrue(new File(j.jenkins.getRootDir(), TokenOverviewStore.FILE_NAME).isFile());
                TokenOverviewStore store = TokenOverviewStore.get();
                List<TokenRecord> rows = store.overview().byUrgency(store.rule());
                assertEquals(List.of(REFUSED, HEALTHY), rows.stream().map(TokenRecord::tokenName).toList());
                assertEquals(Verdict.EXPIRED_OR_INVALID, rows.get(0).verdict());
                assertNull(rows.get(0).lastSuccessAt());
                TokenRecord healthy = rows.get(1);
                assertEquals(Verdict.OK, healthy.verdict());
                assertNotNull(healthy.lastSuccessAt());
                assertNotNull(healthy.expiresAt());
                assertEquals(HEALTHY, healthy.credentialsId());
                assertEquals(runUrl[0], healthy.runUrl());
                assertEquals(9, TableauPatGlobalConfiguration.get().getStaleDays());

                String page = j.createWebClient().goTo(TableauTokensLink.URL_NAME + "/").asNormalizedText();
                assertTrue(page.contains(HEALTHY) && page.contains(REFUSED), page);
            });
        }
    }
}
