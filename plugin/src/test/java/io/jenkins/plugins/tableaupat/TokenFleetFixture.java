package io.jenkins.plugins.tableaupat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Result;
import io.jenkins.plugins.tableaupat.simulator.SimulatedToken;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;

/**
 * Three tokens on one simulated Tableau Cloud on 127.0.0.1 (healthy, expiring in 10 days, refused), one
 * credential per token (ID = token name), and a Pipeline that refreshes any of them. Closing checks that
 * no Tableau session was left signed in.
 */
final class TokenFleetFixture implements AutoCloseable {
    static final String HEALTHY = "healthy-token";
    static final String EXPIRING = "expiring-token";
    static final String REFUSED = "refused-token";
    static final String HEALTHY_SECRET = "hEalthy-S3cret/1+aa==";
    static final String EXPIRING_SECRET = "eXpiring-S3cret/2+bb==";
    /** What the credential of the refused token holds; Tableau knows another secret. */
    static final String REFUSED_SECRET = "rEfused-S3cret/3+cc==";
    static final String REFUSED_REAL_SECRET = "rEal-S3cret/4+dd==";
    static final List<String> SECRETS = List.of(HEALTHY_SECRET, EXPIRING_SECRET, REFUSED_SECRET, REFUSED_REAL_SECRET);

    final TableauSimulatorFixture tableau = TableauSimulatorFixture.cloud();

    TokenFleetFixture() {
        Instant now = Instant.now();
        add(HEALTHY, HEALTHY_SECRET, now.plus(Duration.ofDays(200)).plus(Duration.ofHours(1)));
        add(EXPIRING, EXPIRING_SECRET, now.plus(Duration.ofDays(10)).plus(Duration.ofHours(1)));
        add(REFUSED, REFUSED_REAL_SECRET, now.plus(Duration.ofDays(200)));
    }

    private void add(String name, String secret, Instant expiresAt) {
        tableau.sim.addToken(SimulatedToken.builder(name, secret).site(TableauSimulatorFixture.SITE)
                .expiresAt(expiresAt).lastUsedAt(Instant.now().minus(Duration.ofDays(3))).build());
    }

    /** One Username with password credential per token, ID = token name. */
    static void addCredentials(JenkinsRule j) throws Exception {
        var store = CredentialsProvider.lookupStores(j.jenkins).iterator().next();
        store.addCredentials(Domain.global(), new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, HEALTHY, "healthy", HEALTHY, HEALTHY_SECRET));
        store.addCredentials(Domain.global(), new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, EXPIRING, "expiring", EXPIRING, EXPIRING_SECRET));
        store.addCredentials(Domain.global(), new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, REFUSED, "refused", REFUSED, REFUSED_SECRET));
    }

    /** "admin" may administer; "reader" may only read. */
    static void secure(JenkinsRule j) {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ).everywhere().to("reader"));
    }

    /**
     * Runs a Pipeline job named {@code job} that refreshes the given tokens in order (expiring only
     * logged, refused making the build UNSTABLE), and checks that no secret reached the log.
     */
    WorkflowRun refresh(JenkinsRule j, String job, String... tokens) throws Exception {
        WorkflowJob p = j.jenkins.getItemByFullName(job, WorkflowJob.class);
        if (p == null) {
            p = j.createProject(WorkflowJob.class, job);
        }
        StringBuilder script = new StringBuilder();
        for (String t : tokens) {
            script.append("tableauPatRefresh serverUrl: '").append(tableau.url()).append("', site: '")
                    .append(TableauSimulatorFixture.SITE).append("', deployment: 'cloud', credentialsId: '")
                    .append(t).append("', expiringResult: 'SUCCESS', errorResult: 'UNSTABLE'\n");
        }
        p.setDefinition(new CpsFlowDefinition(script.toString(), true));
        WorkflowRun b = j.waitForCompletion(p.scheduleBuild2(0).waitForStart());
        for (String secret : SECRETS) {
            j.assertLogNotContains(secret, b);
        }
        j.assertBuildStatus(Arrays.asList(tokens).contains(REFUSED) ? Result.UNSTABLE : Result.SUCCESS, b);
        return b;
    }

    @Override
    public void close() {
        try {
            assertEquals(0, tableau.sim.openSessions(), "Tableau sessions left signed in");
        } finally {
            tableau.close();
        }
    }
}
