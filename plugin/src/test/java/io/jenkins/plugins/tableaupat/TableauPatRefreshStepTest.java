package io.jenkins.plugins.tableaupat;

import static io.jenkins.plugins.tableaupat.TableauSimulatorFixture.SECRET;
import static io.jenkins.plugins.tableaupat.TableauSimulatorFixture.WRONG_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Result;
import io.jenkins.plugins.tableaupat.simulator.Fault;
import io.jenkins.plugins.tableaupat.simulator.Route;
import java.time.Duration;
import java.util.Map;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class TableauPatRefreshStepTest {
    private JenkinsRule j;
    private TableauSimulatorFixture tableau;

    @BeforeEach
    void setUp(JenkinsRule j) throws Exception {
        this.j = j;
        TableauSimulatorFixture.addCredentials(j);
    }

    @AfterEach
    void noSessionLeftSignedIn() {
        if (tableau != null) {
            try {
                assertEquals(0, tableau.sim.openSessions(), "Tableau sessions left signed in");
            } finally {
                tableau.close();
            }
        }
    }

    private WorkflowRun run(Result expected, String stepArgs) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(
                "def r = tableauPatRefresh serverUrl: '" + tableau.url() + "', site: 'acme', " + stepArgs + "\n"
                        + "echo \"verdict=${r.verdict} deployment=${r.deployment} days=${r.daysUntilExpiry}"
                        + " expiresAt=${r.expiresAt} api=${r.apiVersion} lastUsedAt=${r.lastUsedAt}\"\n",
                true));
        WorkflowRun b = j.buildAndAssertStatus(expected, p);
        j.assertLogNotContains(SECRET, b);
        j.assertLogNotContains(WRONG_SECRET, b);
        return b;
    }

    @Test
    void healthyCloudTokenSucceedsAndReturnsTheMap() throws Exception {
        tableau = TableauSimulatorFixture.cloud().token(Duration.ofDays(200).plusHours(1));
        WorkflowRun b = run(Result.SUCCESS, "credentialsId: 'tableau-pat', deployment: 'cloud', thresholdDays: 30");
        j.assertLogContains("verdict=OK deployment=cloud days=200", b);
        j.assertLogNotContains("api=null", b);
        j.assertLogNotContains("lastUsedAt=null", b);

        TableauPatRefreshAction action = b.getAction(TableauPatRefreshAction.class);
        assertNotNull(action);
        assertEquals("OK", action.getVerdict());
        assertEquals(200L, action.getDaysUntilExpiry());
        assertEquals("cloud", action.getDeployment());

        JSONObject api = j.getJSON(b.getUrl()
                        + "api/json?tree=actions[verdict,daysUntilExpiry,deployment,site,refreshes[tokenName,verdict]]")
                .getJSONObject();
        String json = api.toString();
        assertTrue(json.contains("\"verdict\":\"OK\""), json);
        assertTrue(json.contains("\"daysUntilExpiry\":200"), json);
        assertTrue(json.contains("\"tokenName\":\"jenkins-keepalive\""), json);
        assertTrue(!json.contains(SECRET), json);
    }

    @Test
    void expiringTokenMarksStageAndBuildUnstable() throws Exception {
        tableau = TableauSimulatorFixture.cloud().token(Duration.ofDays(10).plusHours(1));
        WorkflowRun b = run(Result.UNSTABLE, "credentialsId: 'tableau-pat', deployment: 'cloud'");
        j.assertLogContains("verdict=EXPIRING", b);
        j.assertLogContains("10 days left, threshold 30", b);
        FlowNode warned = new DepthFirstScanner().findFirstMatch(
                b.getExecution(), n -> n.getPersistentAction(WarningAction.class) != null);
        assertNotNull(warned);
        WarningAction warning = warned.getPersistentAction(WarningAction.class);
        assertEquals(Result.UNSTABLE, warning.getResult());
        assertTrue(warning.getMessage().contains("expires on"), warning.getMessage());
    }

    @Test
    void expiringTokenCanFailOrOnlyLog() throws Exception {
        tableau = TableauSimulatorFixture.cloud().token(Duration.ofDays(10).plusHours(1));
        WorkflowRun failed = run(Result.FAILURE, "credentialsId: 'tableau-pat', deployment: 'cloud', expiringResult: 'FAILURE'");
        j.assertLogContains("create a new token", failed);
        WorkflowRun logged = run(Result.SUCCESS, "credentialsId: 'tableau-pat', deployment: 'cloud', expiringResult: 'SUCCESS'");
        j.assertLogContains("verdict=EXPIRING", logged);
    }

    @Test
    void invalidSecretFailsWithTheHint() throws Exception {
        tableau = TableauSimulatorFixture.cloud().token(Duration.ofDays(200));
        WorkflowRun b = run(Result.FAILURE, "credentialsId: 'tableau-pat-wrong', deployment: 'cloud'");
        j.assertLogContains("Sign-in refused", b);
        j.assertLogNotContains("\tat io.jenkins", b);
        assertEquals("EXPIRED_OR_INVALID", b.getAction(TableauPatRefreshAction.class).getVerdict());
    }

    @Test
    void invalidSecretCanReturnTheMapInstead() throws Exception {
        tableau = TableauSimulatorFixture.cloud().token(Duration.ofDays(200));
        WorkflowRun b = run(Result.UNSTABLE, "credentialsId: 'tableau-pat-wrong', deployment: 'cloud', errorResult: 'UNSTABLE'");
        j.assertLogContains("verdict=EXPIRED_OR_INVALID", b);
    }

    @Test
    void secretEchoedBackByTableauStaysMasked() throws Exception {
        tableau = TableauSimulatorFixture.cloud().token(Duration.ofDays(200));
        tableau.sim.faults().add(Fault.tableauError(400, "400000", "Bad Request",
                "Invalid credentials personalAccessTokenSecret=" + SECRET).on(Route.SIGNIN));
        WorkflowRun b = run(Result.FAILURE, "credentialsId: 'tableau-pat', deployment: 'cloud'");
        j.assertLogContains("personalAccessTokenSecret=****", b);
        // run() has already asserted that the secret is absent from the log; the build page too:
        String shown = b.getAction(TableauPatRefreshAction.class).getSummary();
        assertTrue(shown.contains("****") && !shown.contains(SECRET), shown);
    }

    @Test
    void tableauServerSucceedsWithExpiryUnknown() throws Exception {
        tableau = TableauSimulatorFixture.server().token(null);
        WorkflowRun b = run(Result.SUCCESS, "credentialsId: 'tableau-pat'");
        j.assertLogContains("verdict=OK deployment=server days=null expiresAt=null", b);
        j.assertLogContains("Tableau Server does not report token expiry", b);
        assertNull(b.getAction(TableauPatRefreshAction.class).getExpiresAt());
    }

    @Test
    void secretTextCredentialWithTokenName() throws Exception {
        tableau = TableauSimulatorFixture.cloud().token(Duration.ofDays(200).plusHours(1));
        WorkflowRun b = run(Result.SUCCESS,
                "credentialsId: 'tableau-pat-text', tokenName: 'jenkins-keepalive', deployment: 'cloud'");
        j.assertLogContains("verdict=OK", b);
    }

    @Test
    void secretTextCredentialWithoutTokenNameIsAClearError() throws Exception {
        tableau = TableauSimulatorFixture.cloud().token(Duration.ofDays(200));
        WorkflowRun b = run(Result.FAILURE, "credentialsId: 'tableau-pat-text', deployment: 'cloud'");
        j.assertLogContains("set tokenName", b);
    }

    @Test
    void missingCredentialIsAClearError() throws Exception {
        tableau = TableauSimulatorFixture.cloud().token(Duration.ofDays(200));
        WorkflowRun b = run(Result.FAILURE, "credentialsId: 'no-such-credential', deployment: 'cloud'");
        j.assertLogContains("Credentials 'no-such-credential' not found", b);
        j.assertLogNotContains("\tat io.jenkins", b);
    }

    @Test
    void twoRefreshesInOneBuildAreBothRecorded() throws Exception {
        tableau = TableauSimulatorFixture.cloud().token(Duration.ofDays(200).plusHours(1));
        WorkflowJob p = j.createProject(WorkflowJob.class);
        String step = "tableauPatRefresh serverUrl: '" + tableau.url()
                + "', site: 'acme', credentialsId: 'tableau-pat', deployment: 'cloud'\n";
        p.setDefinition(new CpsFlowDefinition(
                "parallel a: { " + step + " }, b: { " + step + " }\n", true));
        WorkflowRun b = j.buildAndAssertSuccess(p);
        assertEquals(2, b.getAction(TableauPatRefreshAction.class).getRefreshes().size());
        j.assertLogNotContains(SECRET, b);
    }

    @Test
    void snippetOmitsDefaultsAndKeepsEveryField() throws Exception {
        // The Snippet Generator and Declarative write steps through this model.
        TableauPatRefreshStep minimal = new TableauPatRefreshStep("https://10ax.online.tableau.com", "tableau-pat");
        assertEquals(Map.of("serverUrl", "https://10ax.online.tableau.com", "credentialsId", "tableau-pat"),
                DescribableModel.uninstantiate2_(minimal).toMap());

        TableauPatRefreshStep full = new TableauPatRefreshStep("https://10ax.online.tableau.com", "tableau-pat-text");
        full.setSite("acme");
        full.setTokenName("jenkins-keepalive");
        full.setThresholdDays(0);
        full.setApiVersion("3.21");
        full.setDeployment("cloud");
        full.setTimeoutSeconds(12);
        full.setExpiringResult("FAILURE");
        full.setErrorResult("UNSTABLE");
        Map<String, Object> args = DescribableModel.uninstantiate2_(full).toMap();
        assertEquals(10, args.size(), args.toString());
        j.assertEqualDataBoundBeans(full, DescribableModel.of(TableauPatRefreshStep.class).instantiate(args));
    }
}
