package io.jenkins.plugins.tableaupat;

import static io.jenkins.plugins.tableaupat.TableauSimulatorFixture.SECRET;
import static io.jenkins.plugins.tableaupat.TableauSimulatorFixture.WRONG_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.springframework.security.access.AccessDeniedException;

@WithJenkins
class TableauPatRefreshBuilderTest {
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

    private TableauPatRefreshBuilder builder(String credentialsId) {
        TableauPatRefreshBuilder b = new TableauPatRefreshBuilder(tableau.url(), credentialsId);
        b.setSite("acme");
        return b;
    }

    private FreeStyleBuild build(TableauPatRefreshBuilder builder, Result expected) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(builder);
        FreeStyleBuild b = j.buildAndAssertStatus(expected, p);
        j.assertLogNotContains(SECRET, b);
        j.assertLogNotContains(WRONG_SECRET, b);
        return b;
    }

    @Test
    void healthyCloudToken() throws Exception {
        tableau = TableauSimulatorFixture.cloud().token(Duration.ofDays(200).plusHours(1));
        TableauPatRefreshBuilder builder = builder("tableau-pat");
        builder.setDeployment("cloud");
        FreeStyleBuild b = build(builder, Result.SUCCESS);
        j.assertLogContains("200 days left", b);
        assertEquals("OK", b.getAction(TableauPatRefreshAction.class).getVerdict());
    }

    @Test
    void expiringTokenMakesTheBuildUnstable() throws Exception {
        tableau = TableauSimulatorFixture.cloud().token(Duration.ofDays(10).plusHours(1));
        TableauPatRefreshBuilder builder = builder("tableau-pat");
        builder.setDeployment("cloud");
        FreeStyleBuild b = build(builder, Result.UNSTABLE);
        j.assertLogContains("10 days left, threshold 30", b);
    }

    @Test
    void invalidSecretFails() throws Exception {
        tableau = TableauSimulatorFixture.cloud().token(Duration.ofDays(200));
        TableauPatRefreshBuilder builder = builder("tableau-pat-wrong");
        builder.setDeployment("cloud");
        FreeStyleBuild b = build(builder, Result.FAILURE);
        j.assertLogContains("Sign-in refused", b);
    }

    @Test
    void tableauServer() throws Exception {
        tableau = TableauSimulatorFixture.server().token(null);
        FreeStyleBuild b = build(builder("tableau-pat"), Result.SUCCESS);
        j.assertLogContains("Tableau Server does not report token expiry", b);
    }

    @Test
    void missingCredential() throws Exception {
        tableau = TableauSimulatorFixture.cloud().token(Duration.ofDays(200));
        FreeStyleBuild b = build(builder("no-such-credential"), Result.FAILURE);
        j.assertLogContains("Credentials 'no-such-credential' not found", b);
    }

    @Test
    void configRoundtripKeepsEveryField() throws Exception {
        TableauPatRefreshBuilder before = new TableauPatRefreshBuilder("https://10ax.online.tableau.com", "tableau-pat-text");
        before.setSite("acme");
        before.setTokenName("jenkins-keepalive");
        before.setThresholdDays(45);
        before.setApiVersion("3.21");
        before.setDeployment("cloud");
        before.setTimeoutSeconds(12);
        before.setExpiringResult("FAILURE");
        before.setErrorResult("UNSTABLE");
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(before);
        p = j.configRoundtrip(p);
        j.assertEqualDataBoundBeans(before, p.getBuildersList().get(0));

        TableauPatRefreshBuilder defaults = new TableauPatRefreshBuilder("https://tableau.example.com", "tableau-pat");
        FreeStyleProject q = j.createFreeStyleProject();
        q.getBuildersList().add(defaults);
        q = j.configRoundtrip(q);
        j.assertEqualDataBoundBeans(defaults, q.getBuildersList().get(0));
    }

    @Test
    void formsRefuseUsersWithoutPermission() throws Exception {
        tableau = TableauSimulatorFixture.cloud().token(Duration.ofDays(200).plusHours(1));
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE, Item.EXTENDED_READ).everywhere().to("dev"));
        FreeStyleProject p = j.createFreeStyleProject();
        TableauPatRefreshBuilder.DescriptorImpl d = j.jenkins.getDescriptorByType(TableauPatRefreshBuilder.DescriptorImpl.class);

        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            ListBoxModel items = d.doFillCredentialsIdItems(p, "");
            assertTrue(items.stream().noneMatch(o -> o.value.equals("tableau-pat")), items.toString());
            assertEquals(FormValidation.Kind.OK, d.doCheckCredentialsId(p, "no-such-credential").kind);
            assertThrows(AccessDeniedException.class, () -> d.doTestConnection(
                    p, tableau.url(), "acme", "tableau-pat", "", "30", "", "cloud", "30"));
            assertThrows(AccessDeniedException.class, () -> d.doTestConnection(
                    null, tableau.url(), "acme", "tableau-pat", "", "30", "", "cloud", "30"));
        }
        try (ACLContext ignored = ACL.as2(User.getById("dev", true).impersonate2())) {
            ListBoxModel items = d.doFillCredentialsIdItems(p, "");
            assertTrue(items.stream().anyMatch(o -> o.value.equals("tableau-pat")), items.toString());
            assertEquals(FormValidation.Kind.ERROR, d.doCheckCredentialsId(p, "no-such-credential").kind);
            FormValidation ok = d.doTestConnection(p, tableau.url(), "acme", "tableau-pat", "", "30", "", "cloud", "30");
            assertEquals(FormValidation.Kind.OK, ok.kind, ok.getMessage());
            FormValidation refused =
                    d.doTestConnection(p, tableau.url(), "acme", "tableau-pat-wrong", "", "30", "", "cloud", "30");
            assertEquals(FormValidation.Kind.ERROR, refused.kind);
            assertTrue(!refused.renderHtml().contains(WRONG_SECRET));
        }
    }

    /**
     * The form's web methods are default methods of {@link RefreshFormMethods}, which both descriptors
     * implement: Stapler must serve them over HTTP for each, and Test connection only on POST.
     */
    @Test
    void sharedFormMethodsAreServedForBothDescriptorsAndTestConnectionOnlyOnPost() throws Exception {
        tableau = TableauSimulatorFixture.cloud().token(Duration.ofDays(200));
        j.jenkins.setCrumbIssuer(null); // only the HTTP verb may refuse the requests below
        JenkinsRule.WebClient wc = j.createWebClient();
        wc.getOptions().setThrowExceptionOnFailingStatusCode(false);
        for (Class<?> type : List.of(TableauPatRefreshStep.class, TableauPatRefreshBuilder.class)) {
            RefreshFormMethods d = (RefreshFormMethods) j.jenkins.getDescriptorByName(type.getName());
            String base = "descriptorByName/" + type.getName() + "/";

            Page check = wc.goTo(base + "checkParallelism?value=99", null);
            assertEquals(200, check.getWebResponse().getStatusCode(), type.getSimpleName());
            String shown = check.getWebResponse().getContentAsString();
            FormValidation direct = d.doCheckParallelism("99");
            assertEquals(FormValidation.Kind.ERROR, direct.kind);
            assertTrue(shown.startsWith("<div class=error>") && shown.contains(direct.getMessage()),
                    type.getSimpleName() + ": " + shown);

            String query = "serverUrl=" + URLEncoder.encode(tableau.url(), StandardCharsets.UTF_8)
                    + "&site=acme&credentialsId=tableau-pat&deployment=cloud";
            int signInsBefore = tableau.sim.signInCount();
            Page get = wc.goTo(base + "testConnection?" + query, null);
            assertNotEquals(200, get.getWebResponse().getStatusCode(), type.getSimpleName() + ": GET must not sign in");
            assertEquals(signInsBefore, tableau.sim.signInCount(), type.getSimpleName());

            WebRequest post = new WebRequest(new URL(j.getURL(), base + "testConnection?" + query), HttpMethod.POST);
            Page posted = wc.getPage(post);
            assertEquals(200, posted.getWebResponse().getStatusCode(), type.getSimpleName());
            assertEquals(signInsBefore + 1, tableau.sim.signInCount(), type.getSimpleName());
            String answer = posted.getWebResponse().getContentAsString();
            assertTrue(answer.contains(TableauSimulatorFixture.TOKEN), answer);
            assertFalse(answer.contains(SECRET), "the secret in the Test connection answer");
        }
    }
}
