package io.jenkins.plugins.tableaupat;

import static io.jenkins.plugins.tableaupat.TokenFleetFixture.EXPIRING;
import static io.jenkins.plugins.tableaupat.TokenFleetFixture.HEALTHY;
import static io.jenkins.plugins.tableaupat.TokenFleetFixture.REFUSED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.ExtensionList;
import java.time.Clock;
import java.time.Duration;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The banner on Manage Jenkins: when it shows, what it says, dismissing it, and its return. */
@WithJenkins
class TokenAttentionMonitorTest {
    private JenkinsRule j;
    private TokenFleetFixture fleet;
    private TokenAttentionMonitor monitor;

    @BeforeEach
    void setUp(JenkinsRule j) throws Exception {
        this.j = j;
        fleet = new TokenFleetFixture();
        TokenFleetFixture.addCredentials(j);
        TokenFleetFixture.secure(j);
        monitor = ExtensionList.lookupSingleton(TokenAttentionMonitor.class);
    }

    @AfterEach
    void tearDown() {
        TokenOverviewStore.CLOCK.set(Clock.systemUTC());
        fleet.close();
    }

    /** The banner as an administrator sees it on Manage Jenkins, or null when it is not shown. */
    private DomElement banner() throws Exception {
        HtmlPage manage = j.createWebClient().login("admin").goTo("manage/");
        return manage.getElementById("tableau-pat-attention");
    }

    @Test
    void staysOffWhileEveryTokenIsHealthyAndFresh() throws Exception {
        assertFalse(monitor.isActivated(), "no token known yet");
        fleet.refresh(j, "keepalive", HEALTHY);
        assertFalse(monitor.isActivated());
        assertNull(banner());
    }

    @Test
    void anExpiringTokenRaisesTheBannerWhichLinksToTheOverview() throws Exception {
        fleet.refresh(j, "keepalive", HEALTHY, EXPIRING);
        assertTrue(monitor.isActivated());
        DomElement banner = banner();
        assertNotNull(banner);
        assertTrue(banner.asNormalizedText().contains("1 Tableau token needs attention: 1 expiring soon."),
                banner.asNormalizedText());
        HtmlAnchor link = (HtmlAnchor) banner.querySelector("a");
        assertEquals(j.contextPath + "/" + TableauTokensLink.URL_NAME + "/", link.getHrefAttribute());
    }

    @Test
    void aTokenLastRefreshedElevenDaysAgoRaisesTheBanner() throws Exception {
        fleet.refresh(j, "keepalive", HEALTHY);
        assertFalse(monitor.isActivated());

        TokenOverviewStore.CLOCK.set(Clock.offset(Clock.systemUTC(), Duration.ofDays(11)));
        assertTrue(monitor.isActivated());
        DomElement banner = banner();
        assertNotNull(banner);
        assertTrue(banner.asNormalizedText().contains(
                "1 Tableau token needs attention: 1 not refreshed for more than 10 days."), banner.asNormalizedText());
        // The overview says why, and the days left count from the moved clock too.
        HtmlPage page = j.createWebClient().login("admin").goTo(TableauTokensLink.URL_NAME + "/");
        String row = page.querySelector("#tableau-tokens tr.tableau-token").asNormalizedText();
        assertTrue(row.contains("not refreshed recently") && row.contains("189"), row);

        // The stale limit is a global setting.
        TableauPatGlobalConfiguration.get().setStaleDays(12);
        assertFalse(monitor.isActivated());
    }

    @Test
    void dismissedTheStandardWayUntilANewTokenNeedsAttention() throws Exception {
        fleet.refresh(j, "keepalive", EXPIRING);
        DomElement banner = banner();
        assertNotNull(banner);
        j.submit((HtmlForm) banner.querySelector("form"));
        assertFalse(monitor.isEnabled());
        assertNull(banner());

        // The same token with the same reason keeps it dismissed ...
        fleet.refresh(j, "keepalive", EXPIRING);
        assertFalse(monitor.isEnabled());
        assertNull(banner());

        // ... a new one brings it back, counting both.
        fleet.refresh(j, "keepalive", REFUSED);
        assertTrue(monitor.isEnabled());
        banner = banner();
        assertNotNull(banner);
        assertTrue(banner.asNormalizedText().contains(
                "2 Tableau tokens need attention: 1 refused by Tableau, 1 expiring soon."), banner.asNormalizedText());
    }

    @Test
    void aTokenThatRecoversAndFailsAgainIsRaisedAgain() throws Exception {
        fleet.refresh(j, "keepalive", HEALTHY);
        TokenOverviewStore.CLOCK.set(Clock.offset(Clock.systemUTC(), Duration.ofDays(11)));
        monitor.disable(true);
        assertFalse(monitor.isEnabled());

        // Refreshed again (as of the moved clock it is fresh), then stale again eleven days later.
        TokenOverviewStore.CLOCK.set(Clock.systemUTC());
        fleet.refresh(j, "keepalive", HEALTHY);
        TokenOverviewStore.CLOCK.set(Clock.offset(Clock.systemUTC(), Duration.ofDays(11)));
        assertTrue(monitor.isEnabled());
        assertTrue(monitor.isActivated());
    }
}
