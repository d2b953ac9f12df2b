package io.jenkins.plugins.tableaupat.simulator;

import io.jenkins.plugins.tableaupat.simulator.DemoTableau.DemoToken;
import java.util.Locale;

/**
 * What the demo prints for a Jenkins user: the two URLs, the credentials to create (with their made-up
 * secrets) and a Jenkinsfile to paste into a Pipeline job.
 */
final class DemoInstructions {
    /** The line after which the demo answers; scripts wait for it. */
    static final String READY = "Demo Tableau running. Press Ctrl-C to stop.";

    private DemoInstructions() {
    }

    static String text(DemoTableau demo) {
        StringBuilder s = new StringBuilder();
        s.append("Demo Tableau: a simulated Tableau Cloud and Tableau Server on this machine, with made-up tokens.\n");
        s.append("The secrets below were invented for this demo and are printed on purpose: they open nothing else.\n");
        s.append('\n');
        s.append("  Tableau Cloud   ").append(demo.cloudUrl()).append("   site '").append(DemoTableau.SITE)
                .append("'\n");
        s.append("  Tableau Server  ").append(demo.serverUrl()).append("   Default site\n");
        s.append('\n');
        s.append("1. In Jenkins, add one credential per token: Manage Jenkins > Credentials > System > Global\n");
        s.append("   credentials > Add Credentials, kind 'Username with password'\n");
        s.append("   (username = token name, password = token secret, ID as shown):\n");
        s.append('\n');
        String row = "   %-20s %-15s %-21s %-7s %s%n";
        s.append(String.format(Locale.ROOT, row, "ID", "Username", "Password", "Where", "What it shows"));
        for (DemoToken t : demo.tokens()) {
            s.append(String.format(Locale.ROOT, row, t.credentialsId(), t.name(), t.secret(),
                    t.cloud() ? "Cloud" : "Server", t.shows()));
        }
        s.append('\n');
        s.append("2. New Item > Pipeline; paste the Jenkinsfile below into Pipeline > Script; Save; Build Now.\n");
        s.append("   Expect the build to end UNSTABLE (the expiring and the revoked token), with a summary of\n");
        s.append("   the four refreshes on the build page.\n");
        s.append('\n');
        s.append("------------------------------------------------------------------------ Jenkinsfile\n");
        s.append(jenkinsfile(demo));
        s.append("------------------------------------------------------------------------\n");
        s.append('\n');
        s.append("Plain http: each refresh logs 'The server URL uses http: the token secret travels unencrypted'.\n");
        s.append("That is expected here; point serverUrl at your Tableau's https address for real tokens.\n");
        s.append(READY).append('\n');
        return s.toString();
    }

    /** Scripted Pipeline without stage or node, so that it runs on a bare {@code hpi:run} Jenkins. */
    static String jenkinsfile(DemoTableau demo) {
        DemoToken healthy = demo.token("demo-cloud-healthy");
        DemoToken expiring = demo.token("demo-cloud-expiring");
        DemoToken revoked = demo.token("demo-cloud-revoked");
        DemoToken server = demo.token("demo-server");
        String onCloud = "site: '" + DemoTableau.SITE + "', deployment: 'cloud', credentialsId: '";
        return "// The demo Tableau's made-up tokens. On 127.0.0.1 the plugin cannot tell Cloud from Server by\n"
                + "// the host name, hence deployment: 'cloud' for the simulated Tableau Cloud.\n"
                + "def cloud = '" + demo.cloudUrl() + "'\n"
                + "def server = '" + demo.serverUrl() + "'\n"
                + "\n"
                + "// " + healthy.shows() + "\n"
                + "def r = tableauPatRefresh serverUrl: cloud, " + onCloud + healthy.credentialsId() + "'\n"
                + "echo \"" + healthy.name() + ": ${r.verdict}, ${r.daysUntilExpiry} days left\"\n"
                + "\n"
                + "// " + expiring.shows() + "\n"
                + "r = tableauPatRefresh serverUrl: cloud, " + onCloud + expiring.credentialsId() + "'\n"
                + "echo \"" + expiring.name() + ": ${r.verdict}, ${r.daysUntilExpiry} days left\"\n"
                + "\n"
                + "// " + server.shows() + "\n"
                + "r = tableauPatRefresh serverUrl: server, credentialsId: '" + server.credentialsId() + "'\n"
                + "echo \"" + server.name() + ": ${r.verdict}, unused it would expire on ${r.idleExpiresAt}\"\n"
                + "\n"
                + "// " + revoked.shows() + ". By default (errorResult: 'FAILURE') the step\n"
                + "// fails the build here; 'UNSTABLE' lets it return the result instead.\n"
                + "r = tableauPatRefresh serverUrl: cloud, " + onCloud + revoked.credentialsId() + "',\n"
                + "                      errorResult: 'UNSTABLE'\n"
                + "echo \"" + revoked.name() + ": ${r.verdict} (Tableau error ${r.tableauErrorCode})\"\n";
    }
}
