package io.jenkins.plugins.tableaupat;

import static io.jenkins.plugins.tableaupat.TokenFleetFixture.EXPIRING;
import static io.jenkins.plugins.tableaupat.TokenFleetFixture.HEALTHY;
import static io.jenkins.plugins.tableaupat.TokenFleetFixture.REFUSED;
import static io.jenkins.plugins.tableaupat.TokenFleetFixture.SECRETS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.tableaupat.core.overview.TokenRecord;
import java.io.File;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import jenkins.model.Jenkins;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTableRow;
import org.htmlunit.util.NameValuePair;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Manage Jenkins > Tableau tokens: rows, order, links, API, access control, Forget, no secret anywhere. */
@WithJenkins
class TableauTokensLinkTest {
    private JenkinsRule j;
    private TokenFleetFixture fleet;

    @BeforeEach
    void setUp(JenkinsRule j) throws Exception {
        this.j = j;
        fleet = new TokenFleetFixture();
        TokenFleetFixture.addCredentials(j);
        TokenFleetFixture.secure(j);
    }

    @AfterEach
    void tearDown() {
        fleet.close();
    }

    private static List<HtmlTableRow> rows(HtmlPage page) {
        List<HtmlTableRow> rows = new ArrayList<>();
        for (DomNode n : page.querySelectorAll("#tableau-tokens tr.tableau-token")) {
            rows.add((HtmlTableRow) n);
        }
        return rows;
    }

    private static List<String> names(List<HtmlTableRow> rows) {
        return rows.stream().map(r -> r.getAttribute("data-token-name")).toList();
    }

    @Test
    void everyTokenIsListedMostUrgentFirstWithVerdictDaysLeftAndTheBuild() throws Exception {
        WorkflowRun b = fleet.refresh(j, "keepalive", HEALTHY, EXPIRING, REFUSED);
        JenkinsRule.WebClient admin = j.createWebClient().login("admin");
        HtmlPage page = admin.goTo(TableauTokensLink.URL_NAME + "/");

        List<HtmlTableRow> rows = rows(page);
        assertEquals(List.of(REFUSED, EXPIRING, HEALTHY), names(rows));
        assertEquals(List.of("EXPIRED_OR_INVALID", "EXPIRING", "OK"),
                rows.stream().map(r -> r.getAttribute("data-verdict")).toList());
        // Columns: token, server, site, credentials, verdict, expires, days left, last success, idle deadline, run.
        HtmlTableRow expiring = rows.get(1);
        assertTrue(expiring.getCell(1).asNormalizedText().startsWith("http://127.0.0.1:"));
        assertEquals("acme", expiring.getCell(2).asNormalizedText());
        assertEquals(EXPIRING, expiring.getCell(3).asNormalizedText());
        assertTrue(expiring.getCell(4).asNormalizedText().contains("expiring soon"), expiring.asNormalizedText());
        assertEquals("10", expiring.getCell(6).asNormalizedText());
        assertEquals("200", rows.get(2).getCell(6).asNormalizedText());
        assertEquals("", rows.get(0).getCell(6).asNormalizedText());
        assertTrue(rows.get(0).getCell(4).asNormalizedText().contains("refused by Tableau"));
        assertEquals("", rows.get(0).getCell(7).asNormalizedText(), "a refused token never succeeded");
        assertFalse(rows.get(2).getCell(8).asNormalizedText().isEmpty(), "idle deadline of a healthy token");

        HtmlAnchor link = (HtmlAnchor) rows.get(2).getCell(9).querySelector("a");
        assertEquals(j.contextPath + "/" + b.getUrl(), link.getHrefAttribute());
        assertEquals(b.getFullDisplayName(), link.asNormalizedText());
        assertTrue(rows.get(2).getCell(9).asNormalizedText().contains("ago"));
        assertTrue(page.getElementById("tableau-tokens-bound").asNormalizedText().contains("1000"));

        String html = page.getWebResponse().getContentAsString();
        String json = admin.goTo(TableauTokensLink.URL_NAME + "/api/json", "application/json")
                .getWebResponse().getContentAsString();
        String xml = admin.goTo(TableauTokensLink.URL_NAME + "/api/xml", "application/xml")
                .getWebResponse().getContentAsString();
        String file = Files.readString(new File(j.jenkins.getRootDir(), TokenOverviewStore.FILE_NAME).toPath(),
                StandardCharsets.UTF_8);
        assertTrue(file.contains(EXPIRING) && file.contains("EXPIRED_OR_INVALID"), file);
        assertTrue(xml.contains("<verdict>EXPIRED_OR_INVALID</verdict>"), xml);
        for (String secret : SECRETS) {
            assertFalse(html.contains(secret), "secret on the page");
            assertFalse(json.contains(secret), "secret in api/json");
            assertFalse(xml.contains(secret), "secret in api/xml");
            assertFalse(file.contains(secret), "secret in " + TokenOverviewStore.FILE_NAME);
        }

        // The API says the same as the page, in the same order.
        JSONObject api = JSONObject.fromObject(json);
        JSONArray tokens = api.getJSONArray("tokens");
        assertEquals(3, tokens.size());
        assertEquals(List.of(REFUSED, EXPIRING, HEALTHY),
                List.of(tokens.getJSONObject(0).getString("tokenName"), tokens.getJSONObject(1).getString("tokenName"),
                        tokens.getJSONObject(2).getString("tokenName")));
        JSONObject exp = tokens.getJSONObject(1);
        assertEquals("EXPIRING", exp.getString("verdict"));
        assertEquals("EXPIRING", exp.getString("attention"));
        assertEquals(10, exp.getInt("daysUntilExpiry"));
        assertEquals(EXPIRING, exp.getString("credentialsId"));
        assertEquals("acme", exp.getString("site"));
        assertEquals(b.getUrl(), exp.getString("runUrl"));
        assertEquals(b.getFullDisplayName(), exp.getString("run"));
        assertEquals("cloud", exp.getString("deployment"));
        assertNotNull(exp.getString("idleDeadline"));
        assertEquals(200, tokens.getJSONObject(2).getInt("daysUntilExpiry"));
        assertEquals("EXPIRED_OR_INVALID", tokens.getJSONObject(0).getString("verdict"));
        assertEquals("REFUSED", tokens.getJSONObject(0).getString("attention"));
        assertEquals(1000, api.getInt("capacity"));
        assertEquals(0, api.getInt("dropped"));
        assertEquals(10, api.getInt("staleDays"));
    }

    @Test
    void theFreestyleBuildStepFeedsTheOverviewToo() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("freestyle-keepalive");
        TableauPatRefreshBuilder step = new TableauPatRefreshBuilder(fleet.tableau.url(), HEALTHY);
        step.setSite(TableauSimulatorFixture.SITE);
        step.setDeployment("cloud");
        p.getBuildersList().add(step);
        FreeStyleBuild b = j.buildAndAssertSuccess(p);

        List<TokenRecord> records = TokenOverviewStore.get().records();
        assertEquals(1, records.size());
        assertEquals(HEALTHY, records.get(0).credentialsId());
        assertEquals(b.getUrl(), records.get(0).runUrl());
        HtmlPage page = j.createWebClient().login("admin").goTo(TableauTokensLink.URL_NAME + "/");
        assertEquals(List.of(HEALTHY), names(rows(page)));
    }

    @Test
    void withoutAdministerThePageItsApiAndForgetAreForbidden() throws Exception {
        fleet.refresh(j, "keepalive", REFUSED);
        String key = TokenOverviewStore.get().records().get(0).key();
        JenkinsRule.WebClient reader = j.createWebClient().login("reader");
        reader.assertFails(TableauTokensLink.URL_NAME + "/", 403);
        reader.assertFails(TableauTokensLink.URL_NAME + "/api/json", 403);
        reader.assertFails(TableauTokensLink.URL_NAME + "/api/xml", 403);

        // Crumbs off, so that only the permission check can refuse the POST.
        j.jenkins.setCrumbIssuer(null);
        reader.getOptions().setThrowExceptionOnFailingStatusCode(false);
        WebRequest forget = new WebRequest(new URL(j.getURL(), TableauTokensLink.URL_NAME + "/forget"), HttpMethod.POST);
        forget.setRequestParameters(List.of(new NameValuePair("key", key)));
        Page denied = reader.getPage(forget);
        assertEquals(403, denied.getWebResponse().getStatusCode());
        assertEquals(1, TokenOverviewStore.get().records().size());
    }

    @Test
    void overallSystemReadMayLookButNotForget() throws Exception {
        fleet.refresh(j, "keepalive", HEALTHY);
        String key = TokenOverviewStore.get().records().get(0).key();
        Jenkins.SYSTEM_READ.setEnabled(true);
        try {
            j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                    .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                    .grant(Jenkins.READ, Jenkins.SYSTEM_READ).everywhere().to("auditor"));
            JenkinsRule.WebClient auditor = j.createWebClient().login("auditor");
            HtmlPage page = auditor.goTo(TableauTokensLink.URL_NAME + "/");
            assertEquals(List.of(HEALTHY), names(rows(page)));
            assertTrue(page.querySelectorAll("#tableau-tokens form").isEmpty(), "no Forget button without Administer");

            j.jenkins.setCrumbIssuer(null);
            auditor.getOptions().setThrowExceptionOnFailingStatusCode(false);
            WebRequest forget = new WebRequest(new URL(j.getURL(), TableauTokensLink.URL_NAME + "/forget"),
                    HttpMethod.POST);
            forget.setRequestParameters(List.of(new NameValuePair("key", key)));
            assertEquals(403, auditor.getPage(forget).getWebResponse().getStatusCode());
            assertEquals(1, TokenOverviewStore.get().records().size());
        } finally {
            Jenkins.SYSTEM_READ.setEnabled(false);
        }
    }

    @Test
    void forgetRemovesTheRowAndTheFileEntry() throws Exception {
        fleet.refresh(j, "keepalive", HEALTHY, REFUSED);
        JenkinsRule.WebClient admin = j.createWebClient().login("admin");
        HtmlPage page = admin.goTo(TableauTokensLink.URL_NAME + "/");
        HtmlTableRow refused = rows(page).get(0);
        assertEquals(REFUSED, refused.getAttribute("data-token-name"));

        HtmlPage after = j.submit((HtmlForm) refused.querySelector("form"));
        assertEquals(List.of(HEALTHY), names(rows(after)));
        assertEquals(1, TokenOverviewStore.get().records().size());
        String file = Files.readString(new File(j.jenkins.getRootDir(), TokenOverviewStore.FILE_NAME).toPath(),
                StandardCharsets.UTF_8);
        assertFalse(file.contains(REFUSED), file);

        // A later refresh brings it back.
        fleet.refresh(j, "keepalive", REFUSED);
        assertEquals(2, TokenOverviewStore.get().records().size());
    }

    @Test
    void anEmptyOverviewSaysSo() throws Exception {
        HtmlPage page = j.createWebClient().login("admin").goTo(TableauTokensLink.URL_NAME + "/");
        assertNotNull(page.getElementById("tableau-tokens-empty"));
        assertTrue(rows(page).isEmpty());
    }
}
