package io.jenkins.plugins.tableaupat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.util.Secret;
import io.jenkins.plugins.tableaupat.simulator.Mode;
import io.jenkins.plugins.tableaupat.simulator.SimulatedToken;
import io.jenkins.plugins.tableaupat.simulator.TableauSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jvnet.hudson.test.JenkinsRule;

/** Starts the Tableau simulator on 127.0.0.1 and stores test credentials in the system store. */
final class TableauSimulatorFixture implements AutoCloseable {
    static final String SECRET = "pAt-S3cret/Value+9f8e7d6c==";
    static final String WRONG_SECRET = "wRong-S3cret/Value+0000==";
    static final String TOKEN = "jenkins-keepalive";
    static final String SITE = "acme";
    static final String UP_ID = "tableau-pat";
    static final String TEXT_ID = "tableau-pat-text";
    static final String WRONG_ID = "tableau-pat-wrong";

    final TableauSimulator sim;

    private TableauSimulatorFixture(Mode mode) {
        // The plugin uses the system clock, so token dates are relative to now.
        sim = TableauSimulator.builder().mode(mode).clock(Clock.systemUTC()).build();
        sim.start();
        sim.addSite(SITE);
    }

    static TableauSimulatorFixture cloud() {
        return new TableauSimulatorFixture(Mode.CLOUD);
    }

    static TableauSimulatorFixture server() {
        return new TableauSimulatorFixture(Mode.SERVER);
    }

    /** Adds the token, expiring after {@code life} (null: no expiry date). */
    TableauSimulatorFixture token(Duration life) {
        SimulatedToken.Builder b = SimulatedToken.builder(TOKEN, SECRET).site(SITE)
                .lastUsedAt(Instant.now().minus(Duration.ofDays(3)));
        if (life != null) {
            b.expiresAt(Instant.now().plus(life));
        }
        sim.addToken(b.build());
        return this;
    }

    String url() {
        return sim.baseUrl();
    }

    static void addCredentials(JenkinsRule j) throws Exception {
        var store = CredentialsProvider.lookupStores(j.jenkins).iterator().next();
        store.addCredentials(Domain.global(), new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, UP_ID, "Tableau PAT", TOKEN, SECRET));
        store.addCredentials(Domain.global(), new StringCredentialsImpl(
                CredentialsScope.GLOBAL, TEXT_ID, "Tableau PAT secret", Secret.fromString(SECRET)));
        store.addCredentials(Domain.global(), new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, WRONG_ID, "Wrong secret", TOKEN, WRONG_SECRET));
    }

    @Override
    public void close() {
        sim.close();
    }
}
