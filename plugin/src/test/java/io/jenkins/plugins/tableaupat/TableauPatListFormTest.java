package io.jenkins.plugins.tableaupat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.model.Run;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import io.jenkins.plugins.tableaupat.simulator.Mode;
import io.jenkins.plugins.tableaupat.simulator.SimulatedToken;
import io.jenkins.plugins.tableaupat.simulator.TableauSimulator;
import java.io.StringReader;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The list form (many tokens in one step), the "Tableau personal access token" credential kind and
 * configs saved before the options moved into {@link RefreshOptions}; a simulated Tableau Cloud and
 * Tableau Server on 127.0.0.1.
 */
@WithJenkins
class TableauPatListFormTest {
    private static final String SITE = "acme";
    // One secret per token, so a leak of any of them is caught.
    private static final String OK_SECRET = "ok-S3cret/Value+1111==";
    private static final String EXP_SECRET = "exp-S3cret/Value+2222==";
    private static final String RIGHT_SECRET = "right-S3cret/Value+3333==";
    private static final String WRONG_SECRET = "wrong-S3cret/Value+4444==";
    private static final String SRV_SECRET = "srv-S3cret/Value+5555==";
    private static final String DOWN_SECRET = "down-S3cret/Value+6666==";
    private static final List<String> SECRETS =
            List.of(OK_SECRET, EXP_SECRET, RIGHT_SECRET, WRONG_SECRET, SRV_SECRET, DOWN_SECRET);

    private JenkinsRule j;
    private TableauSimulator cloud;
    private TableauSimulator server;
    private int closedPort;

    @BeforeEach
    void setUp(JenkinsRule j) throws Exception {
        this.j = j;
        cloud = TableauSimulator.builder().mode(Mode.CLOUD).clock(Clock.systemUTC()).build();
        cloud.start();
        cloud.addSite(SITE);
        server = TableauSimulator.builder().mode(Mode.SERVER).clock(Clock.systemUTC()).build();
        server.start();
        server.addSite(SITE);
        cloud.addToken(token("t-ok", OK_SECRET, Duration.ofDays(200).plusHours(1)));
        cloud.addToken(token("t-exp", EXP_SECRET, Duration.ofDays(10).plusHours(1)));
        cloud.addToken(token("t-wrong", RIGHT_SECRET, Duration.ofDays(200)));
        server.addToken(token("t-srv", SRV_SECRET, null));
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        CredentialsStore store = CredentialsProvider.lookupStores(j.jenkins).iterator().next();
        // The new kind and the Username with password kind side by side in one list.
        store.addCredentials(Domain.global(), new TableauPatCredentialsImpl(
                CredentialsScope.GLOBAL, "pat-ok", "ETL service account", "t-ok", Secret.fromString(OK_SECRET)));
        store.addCredentials(Domain.global(), new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "pat-exp", "expiring", "t-exp", EXP_SECRET));
        store.addCredentials(Domain.global(), new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "pat-wrong", "wrong secret", "t-wrong", WRONG_SECRET));
        store.addCredentials(Domain.global(), new TableauPatCredentialsImpl(
                CredentialsScope.GLOBAL, "pat-srv", null, "t-srv", Secret.fromString(SRV_SECRET)));
        store.addCredentials(Domain.global(), new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "pat-down", "unreachable", "t-down", DOWN_SECRET));
    }

    private static SimulatedToken token(String name, String secret, Duration life) {
        SimulatedToken.Builder b = SimulatedToken.builder(name, secret).site(SITE)
                .lastUsedAt(Instant.now().minus(Duration.ofDays(3)));
        return (life == null ? b : b.expiresAt(Instant.now().plus(life))).build();
    }

    @AfterEach
    void noSessionLeftSignedIn() {
        try {
            assertEquals(0, cloud.openSessions(), "Tableau Cloud sessions left signed in");
            assertEquals(0, server.openSessions(), "Tableau Server sessions left signed in");
        } finally {
            cloud.close();
            server.close();
        }
    }

    private String fiveTokens() {
        return "tokens: [[credentialsId: 'pat-ok'], [credentialsId: 'pat-exp'], [credentialsId: 'pat-wrong'],\n"
                + "  [credentialsId: 'pat-srv', serverUrl: '" + server.baseUrl() + "', deployment: 'server'],\n"
                + "  [credentialsId: 'pat-down', serverUrl: 'http://127.0.0.1:" + closedPort + "']]";
    }

    private WorkflowRun pipeline(Result expected, String script) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun b = j.buildAndAssertStatus(expected, p);
        for (String secret : SECRETS) {
            j.assertLogNotContains(secret, b);
        }
        return b;
    }

    @Test
    void fiveTokensWithMixedOutcomesAllAttemptedWorstResultOneTable() throws Exception {
        WorkflowRun b = pipeline(Result.FAILURE, "tableauPatRefresh serverUrl: '" + cloud.baseUrl()
                + "', site: 'acme', deployment: 'cloud', parallelism: 3,\n" + fiveTokens() + "\n"
                + "echo 'not reached'\n");

        // Every token was attempted although two failed; each ended with its own line.
        assertEquals(2, cloud.signInCount(), "Cloud sign-ins (healthy and expiring; the wrong secret is refused)");
        assertEquals(1, server.signInCount());
        TableauPatRefreshAction action = b.getAction(TableauPatRefreshAction.class);
        assertEquals(5, action.getRefreshes().size());
        assertEquals(List.of("OK", "EXPIRING", "EXPIRED_OR_INVALID", "OK", "ERROR"), verdictsInListOrder(action));

        // One table at the end of the log, then the one-line failure naming each failed token.
        j.assertLogContains("[Tableau] Refreshing 5 tokens, at most 3 at a time", b);
        j.assertLogContains("CREDENTIALS  VERDICT", b);
        j.assertLogContains("5 tokens: 2 OK, 1 EXPIRING, 1 EXPIRED_OR_INVALID, 1 ERROR", b);
        j.assertLogContains("2 of 5 Tableau tokens failed: pat-wrong (token 't-wrong', EXPIRED_OR_INVALID),"
                + " pat-down (token 't-down', ERROR)", b);
        j.assertLogNotContains("not reached", b);
        String log = JenkinsRule.getLog(b);
        assertTrue(log.indexOf("CREDENTIALS  VERDICT") < log.indexOf("2 of 5 Tableau tokens failed"), log);
        Matcher progress = Pattern.compile("\\[Tableau\\] pat-[a-z]+: ").matcher(log);
        int lastProgress = -1;
        while (progress.find()) {
            lastProgress = progress.start();
        }
        assertTrue(lastProgress > 0 && log.indexOf("CREDENTIALS  VERDICT") > lastProgress, log);
        assertEquals(1, count(log, "CREDENTIALS  VERDICT"), log);
    }

    /** The recorded verdicts in the order the tokens were listed, found by credentials ID. */
    private static List<String> verdictsInListOrder(TableauPatRefreshAction action) {
        List<String> ids = List.of("pat-ok", "pat-exp", "pat-wrong", "pat-srv", "pat-down");
        return ids.stream().map(id -> action.getRefreshes().stream()
                .filter(r -> id.equals(r.getCredentialsId())).findFirst().orElseThrow().getVerdict()).toList();
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void listFormReturnsOneMapPerTokenAndTheWorstResult() throws Exception {
        WorkflowRun b = pipeline(Result.UNSTABLE, "def rs = tableauPatRefresh serverUrl: '" + cloud.baseUrl()
                + "', site: 'acme', deployment: 'cloud', errorResult: 'UNSTABLE',\n" + fiveTokens() + "\n"
                + "echo \"verdicts=${rs.collect { it.verdict }} names=${rs.collect { it.tokenName }}\"\n");
        j.assertLogContains("verdicts=[OK, EXPIRING, EXPIRED_OR_INVALID, OK, ERROR]"
                + " names=[t-ok, t-exp, t-wrong, t-srv, t-down]", b);
        j.assertLogContains("3 of 5 Tableau tokens need attention", b);

        // The build page: one table for all refreshes; the REST API: one entry per refresh.
        HtmlPage page = j.createWebClient().getPage(b);
        String text = page.asNormalizedText();
        assertEquals(1, page.getByXPath("//table[contains(@class,'tableau-pat-refreshes')]").size());
        assertEquals(5, page.getByXPath("//table[contains(@class,'tableau-pat-refreshes')]/tbody/tr").size());
        assertTrue(text.contains("t-exp") && text.contains("EXPIRING") && text.contains("pat-srv"), text);
        for (String secret : SECRETS) {
            assertFalse(text.contains(secret), "secret on the build page");
        }
        String json = j.getJSON(b.getUrl() + "api/json?tree=actions[refreshes[credentialsId,tokenName,verdict]]")
                .getJSONObject().toString();
        assertEquals(5, count(json, "\"credentialsId\""), json);
        assertTrue(json.contains("\"credentialsId\":\"pat-srv\""), json);
    }

    @Test
    void theNewCredentialKindWorksInTheStepAndInWithCredentials() throws Exception {
        WorkflowRun b = pipeline(Result.SUCCESS,
                "def r = tableauPatRefresh serverUrl: '" + cloud.baseUrl() + "', site: 'acme', deployment: 'cloud',"
                        + " credentialsId: 'pat-ok'\n"
                        + "echo \"single=${r.verdict} ${r.tokenName}\"\n"
                        + "node {\n"
                        + "  withCredentials([usernamePassword(credentialsId: 'pat-ok', usernameVariable: 'N',"
                        + " passwordVariable: 'S')]) {\n"
                        + "    echo \"name=${N} matches=${S == '" + OK_SECRET + "'}\"\n"
                        + "  }\n"
                        + "}\n");
        j.assertLogContains("single=OK t-ok", b);
        j.assertLogContains("name=t-ok matches=true", b);

        // Listed first in the step's dropdown, named by its token name, never by its secret.
        TableauPatRefreshStep.DescriptorImpl d = j.jenkins.getDescriptorByType(TableauPatRefreshStep.DescriptorImpl.class);
        ListBoxModel items = d.doFillCredentialsIdItems(null, "");
        List<String> ids = items.stream().map(o -> o.value).toList();
        assertEquals("", ids.get(0));
        assertTrue(List.of("pat-ok", "pat-srv").containsAll(ids.subList(1, 3)), ids.toString());
        assertTrue(ids.containsAll(List.of("pat-exp", "pat-wrong", "pat-down")), ids.toString());
        Credentials ok = CredentialsProvider.lookupStores(j.jenkins).iterator().next()
                .getCredentials(Domain.global()).stream()
                .filter(c -> c instanceof TableauPatCredentialsImpl t && t.getId().equals("pat-ok"))
                .findFirst().orElseThrow();
        assertEquals("t-ok (ETL service account)", CredentialsNameProvider.name(ok));
        for (ListBoxModel.Option o : items) {
            assertFalse(o.name.contains(OK_SECRET) || o.name.contains(SRV_SECRET), o.name);
        }
    }

    @Test
    void theCredentialFormNeverShowsTheSecretBack() throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient();
        HtmlPage page = wc.goTo("credentials/store/system/domain/_/credential/pat-ok/update");
        String html = page.getWebResponse().getContentAsString();
        assertTrue(html.contains("t-ok"), "the token name is shown");
        assertTrue(page.asNormalizedText().contains("Token secret"), page.asNormalizedText());
        assertFalse(html.contains(OK_SECRET), "the secret must not be sent back in the form");
    }

    @Test
    void freestyleListFormRoundTripsAndRuns() throws Exception {
        TableauPatRefreshBuilder before = new TableauPatRefreshBuilder(cloud.baseUrl(), null);
        before.setSite("acme");
        before.setDeployment("cloud");
        before.setParallelism(2);
        TableauToken srv = new TableauToken("pat-srv");
        srv.setServerUrl(server.baseUrl());
        srv.setDeployment("server");
        before.setTokens(List.of(new TableauToken("pat-ok"), new TableauToken("pat-exp"), srv));
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(before);
        p = j.configRoundtrip(p);
        TableauPatRefreshBuilder after = (TableauPatRefreshBuilder) p.getBuildersList().get(0);
        j.assertEqualDataBoundBeans(before, after);
        assertNull(after.getThresholdDays(), "an unset threshold stays unset (follows the plugin default)");

        FreeStyleBuild b = j.buildAndAssertStatus(Result.UNSTABLE, p);
        j.assertLogContains("3 tokens: 2 OK, 1 EXPIRING, 0 EXPIRED_OR_INVALID, 0 ERROR", b);
        for (String secret : SECRETS) {
            j.assertLogNotContains(secret, b);
        }
        assertEquals(3, b.getAction(TableauPatRefreshAction.class).getRefreshes().size());
    }

    @Test
    void snippetGeneratorWritesTheListFormAndItRuns() throws Exception {
        TableauPatRefreshStep step = new TableauPatRefreshStep(cloud.baseUrl(), null);
        step.setSite("acme");
        step.setDeployment("cloud");
        TableauToken srv = new TableauToken("pat-srv");
        srv.setServerUrl(server.baseUrl());
        srv.setDeployment("server");
        step.setTokens(List.of(new TableauToken("pat-ok"), srv));

        Map<String, Object> args = DescribableModel.uninstantiate2_(step).toMap();
        assertFalse(args.containsKey("thresholdDays") || args.containsKey("parallelism"), args.toString());
        j.assertEqualDataBoundBeans(step, DescribableModel.of(TableauPatRefreshStep.class).instantiate(args));

        // structs orders arguments by name and leaves out unset ones; a token needs no $class.
        String snippet = Snippetizer.object2Groovy(step);
        assertEquals("tableauPatRefresh deployment: 'cloud', serverUrl: '" + cloud.baseUrl() + "', site: 'acme',"
                + " tokens: [[credentialsId: 'pat-ok'], [credentialsId: 'pat-srv', deployment: 'server', serverUrl: '"
                + server.baseUrl() + "']]", snippet);
        // What the Snippet Generator writes is a working step.
        WorkflowRun b = pipeline(Result.SUCCESS, "def rs = " + snippet + "\necho \"n=${rs.size()}\"\n");
        j.assertLogContains("n=2", b);
    }

    @Test
    void aJobSavedInTodaysFlatFormatStillLoadsAndRuns() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        // config.xml as the plugin wrote it before RefreshOptions: every option directly under the builder.
        p.updateByXml((Source) new StreamSource(new StringReader(
                "<project><builders>\n"
                        + "  <io.jenkins.plugins.tableaupat.TableauPatRefreshBuilder plugin=\"tableau-pat-refresh@1.0.0\">\n"
                        + "    <serverUrl>" + cloud.baseUrl() + "</serverUrl>\n"
                        + "    <credentialsId>pat-ok</credentialsId>\n"
                        + "    <site>acme</site>\n"
                        + "    <thresholdDays>30</thresholdDays>\n"
                        + "    <deployment>cloud</deployment>\n"
                        + "    <timeoutSeconds>12</timeoutSeconds>\n"
                        + "    <expiringResult>FAILURE</expiringResult>\n"
                        + "    <errorResult>UNSTABLE</errorResult>\n"
                        + "  </io.jenkins.plugins.tableaupat.TableauPatRefreshBuilder>\n"
                        + "</builders></project>")));
        TableauPatRefreshBuilder loaded = (TableauPatRefreshBuilder) p.getBuildersList().get(0);
        assertEquals(cloud.baseUrl(), loaded.getServerUrl());
        assertEquals("pat-ok", loaded.getCredentialsId());
        assertEquals("acme", loaded.getSite());
        assertEquals(30, loaded.getThresholdDays());
        assertEquals("cloud", loaded.getDeployment());
        assertEquals(12, loaded.getTimeoutSeconds());
        assertEquals("FAILURE", loaded.getExpiringResult());
        assertEquals("UNSTABLE", loaded.getErrorResult());
        assertTrue(loaded.getTokens().isEmpty());

        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        j.assertLogContains("200 days left", b);
        // Saved again, it is written in the current format and reads back the same.
        p.save();
        String xml = p.getConfigFile().asString();
        assertTrue(xml.contains("<options>"), xml);
        FreeStyleProject reread = (FreeStyleProject) p.getConfigFile().read();
        j.assertEqualDataBoundBeans(loaded, reread.getBuildersList().get(0));
    }

    @Test
    void aBuildRecordedBeforeCredentialsIdsWereKeptStillLoads() {
        // build.xml's action as the plugin wrote it before: refreshes without credentialsId.
        Object action = Run.XSTREAM2.fromXML(
                "<io.jenkins.plugins.tableaupat.TableauPatRefreshAction><refreshes>"
                        + "<io.jenkins.plugins.tableaupat.TableauPatRefreshAction_-Refresh>"
                        + "<serverUrl>https://10ax.online.tableau.com</serverUrl><site>acme</site>"
                        + "<tokenName>t-ok</tokenName><deployment>cloud</deployment><verdict>OK</verdict>"
                        + "<daysUntilExpiry>200</daysUntilExpiry>"
                        + "<summary>Token 't-ok' refreshed; it expires on 2027-06-10 (200 days left)</summary>"
                        + "</io.jenkins.plugins.tableaupat.TableauPatRefreshAction_-Refresh>"
                        + "</refreshes></io.jenkins.plugins.tableaupat.TableauPatRefreshAction>");
        TableauPatRefreshAction.Refresh r = ((TableauPatRefreshAction) action).getRefreshes().get(0);
        assertNull(r.getCredentialsId());
        assertEquals("OK", r.getVerdict());
        assertEquals("200", r.getDaysLeftShown());
        assertEquals("refreshed; it expires on 2027-06-10 (200 days left)", r.getDetail());
    }
}
