package io.jenkins.plugins.tableaupat.cli;

import io.jenkins.plugins.tableaupat.core.Deployment;
import io.jenkins.plugins.tableaupat.core.PatRefresher;
import io.jenkins.plugins.tableaupat.core.RefreshRequest;
import io.jenkins.plugins.tableaupat.core.RefreshResult;
import io.jenkins.plugins.tableaupat.core.Verdict;
import io.jenkins.plugins.tableaupat.core.fleet.ResultTable;
import io.jenkins.plugins.tableaupat.core.http.TableauHttpClient;
import io.jenkins.plugins.tableaupat.simulator.Mode;
import io.jenkins.plugins.tableaupat.simulator.SimulatedToken;
import io.jenkins.plugins.tableaupat.simulator.TableauSimulator;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code demo}: the product at work with no Tableau account. Starts a simulated Tableau Cloud and a
 * simulated Tableau Server on 127.0.0.1, refreshes four made-up tokens (healthy Cloud, Cloud expiring
 * in 10 days, Server, revoked) with the normal output, prints the summary table and stops the
 * simulators. Exits 0 when every token ended as the demo expects (even though two of them are
 * expiring or refused: that is what they show), 5 otherwise.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        header = "Show the tool at work against a built-in Tableau simulator on 127.0.0.1 (no Tableau account needed).",
        description = {"",
            "Refreshes four made-up tokens: a healthy Tableau Cloud token, a Cloud token expiring in 10 days,",
            "a Tableau Server token and a revoked token, then stops the simulators.",
            "Exit code 0 when each token ended as expected (OK, EXPIRING, OK, EXPIRED_OR_INVALID), 5 otherwise."})
final class Demo implements Callable<Integer> {
    static final String SITE = "demo";
    static final int THRESHOLD_DAYS = RefreshRequest.DEFAULT_THRESHOLD_DAYS;

    private final CliContext ctx;

    Demo(CliContext ctx) {
        this.ctx = ctx;
    }

    /** One demo token: what it shows, where it lives, and the verdict it must end in. */
    private record Case(String title, boolean cloud, SimulatedToken token, String site, Verdict expected) {
    }

    @Override
    public Integer call() {
        PrintStream out = ctx.out();
        Instant now = ctx.clock().instant();
        // https, as a real Tableau is: the demo trusts the simulator's self-signed certificate.
        try (TableauSimulator cloud = TableauSimulator.builder().mode(Mode.CLOUD).https(true).build();
                TableauSimulator server = TableauSimulator.builder().mode(Mode.SERVER).https(true).build()) {
            cloud.start();
            server.start();
            cloud.addSite(SITE);
            List<Case> cases = cases(now);
            for (Case c : cases) {
                ctx.registerSecret(c.token().secret());
                (c.cloud() ? cloud : server).addToken(c.token());
            }
            out.println("Demo: a simulated Tableau Cloud and a simulated Tableau Server on this machine, with"
                    + " made-up tokens.");
            out.println("  Tableau Cloud  (simulated): " + cloud.baseUrl() + "  site '" + SITE + "'");
            out.println("  Tableau Server (simulated): " + server.baseUrl() + "  Default site");
            out.println("Each token is refreshed as the command shown would do it (the secret comes from "
                    + SecretSource.DEFAULT_ENV + ").");
            Duration timeout = Duration.ofSeconds(10);
            HttpClient trustingSimulator = TableauHttpClient.configure(
                    HttpClient.newBuilder().sslContext(TableauSimulator.trustingSslContext()), timeout).build();
            PatRefresher refresher = ctx.refresher(timeout).httpClient(trustingSimulator).shareServerInfo(true)
                    .build();
            ResultTable table = new ResultTable("#");
            boolean asExpected = true;
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                String url = (c.cloud() ? cloud : server).baseUrl();
                out.println();
                out.println("[" + (i + 1) + "/" + cases.size() + "] " + c.title());
                out.println("$ java -jar tableau-pat-refresh.jar " + url + " " + (c.site().isEmpty() ? "''" : c.site())
                        + " " + c.token().name() + (c.cloud() ? " --deployment cloud" : ""));
                RefreshRequest request = RefreshRequest.builder().serverUrl(url).site(c.site())
                        .tokenName(c.token().name()).tokenSecret(c.token().secret()).thresholdDays(THRESHOLD_DAYS)
                        .deployment(c.cloud() ? Deployment.CLOUD : Deployment.SERVER)
                        .timeout(timeout).build();
                RefreshResult r = refresher.refresh(request, new ConsoleListener(out, ctx.clock(), null, true));
                out.println(ResultPrinter.line(r));
                out.println("(exit code " + ExitCode.of(r) + ")");
                table.add(String.valueOf(i + 1), r);
                asExpected &= r.verdict() == c.expected();
            }
            out.println();
            table.lines().forEach(out::println);
            out.println();
            if (asExpected) {
                out.println("Demo finished: every token ended as expected; simulators stopped. Try it on your own"
                        + " token: java -jar tableau-pat-refresh.jar --help");
                return ExitCode.OK;
            }
            out.println("Demo finished, but a token did not end as expected (see above): please report it.");
            return ExitCode.ERROR;
        }
    }

    private static List<Case> cases(Instant now) {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("A healthy Tableau Cloud token (expires in 200 days)", true,
                SimulatedToken.builder("cloud-healthy", "demo-Secret-1:aGVhbHRoeQ==").site(SITE)
                        .expiresAt(now.plus(Duration.ofDays(200)).plus(Duration.ofHours(1)))
                        .lastUsedAt(now.minus(Duration.ofDays(6))).build(),
                SITE, Verdict.OK));
        cases.add(new Case("A Tableau Cloud token expiring in 10 days (threshold " + THRESHOLD_DAYS + ")", true,
                SimulatedToken.builder("cloud-expiring", "demo-Secret-2:ZXhwaXJpbmc=").site(SITE)
                        .expiresAt(now.plus(Duration.ofDays(10)).plus(Duration.ofHours(1)))
                        .lastUsedAt(now.minus(Duration.ofDays(9))).build(),
                SITE, Verdict.EXPIRING));
        cases.add(new Case("A Tableau Server token (Server does not report expiry; the idle expiry is reset)", false,
                SimulatedToken.builder("server-etl", "demo-Secret-3:c2VydmVy").site("")
                        .lastUsedAt(now.minus(Duration.ofDays(12))).build(),
                "", Verdict.OK));
        cases.add(new Case("A revoked Tableau Cloud token", true,
                SimulatedToken.builder("cloud-revoked", "demo-Secret-4:cmV2b2tlZA==").site(SITE)
                        .expiresAt(now.plus(Duration.ofDays(120))).revoked(true).build(),
                SITE, Verdict.EXPIRED_OR_INVALID));
        return cases;
    }
}
