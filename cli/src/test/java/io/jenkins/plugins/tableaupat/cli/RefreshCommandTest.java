package io.jenkins.plugins.tableaupat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.tableaupat.simulator.Fault;
import io.jenkins.plugins.tableaupat.simulator.Mode;
import io.jenkins.plugins.tableaupat.simulator.Route;
import io.jenkins.plugins.tableaupat.simulator.SimulatedToken;
import io.jenkins.plugins.tableaupat.simulator.TableauSimulator;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The single-token command (pat_checker.py's successor) through the entry point, over HTTP to the simulator. */
@Timeout(30)
class RefreshCommandTest {
    static final String SECRET = "pAt-S3cret/Value+9f8e7d6c==";
    static final String TOKEN = "jenkins-keepalive";
    static final String SITE = "acme";

    private final List<CliRun> runs = new ArrayList<>();
    private TableauSimulator cloud;
    private TableauSimulator server;

    @TempDir
    Path dir;

    @BeforeEach
    void startSimulators() {
        cloud = TableauSimulator.builder().mode(Mode.CLOUD).build();
        cloud.start();
        cloud.addSite(SITE);
        server = TableauSimulator.builder().mode(Mode.SERVER).build();
        server.start();
        server.addSite(SITE);
    }

    @AfterEach
    void secretNeverPrintedAndNoSessionLeft() {
        try {
            for (CliRun r : runs) {
                assertThat(r.all()).as("output of %s", r).doesNotContain(SECRET);
                assertThat(r.all()).as("no stack trace in %s", r).doesNotContain("\tat ").doesNotContain("Exception");
            }
            assertThat(cloud.openSessions()).isZero();
            assertThat(server.openSessions()).isZero();
        } finally {
            cloud.close();
            server.close();
        }
    }

    private static Instant inDays(long days) {
        return Instant.now().plus(Duration.ofDays(days)).plus(Duration.ofHours(2));
    }

    private void cloudToken(long expiresInDays) {
        cloud.addToken(SimulatedToken.builder(TOKEN, SECRET).site(SITE).expiresAt(inDays(expiresInDays))
                .lastUsedAt(Instant.now().minus(Duration.ofDays(3))).build());
    }

    private CliRun run(CliRun.Builder b, String... args) {
        CliRun r = b.run(args);
        runs.add(r);
        return r;
    }

    private CliRun run(String... args) {
        return run(CliRun.with().env("TABLEAU_PAT_SECRET", SECRET), args);
    }

    private String[] cloudArgs(String... more) {
        List<String> a = new ArrayList<>(List.of(cloud.baseUrl(), SITE, TOKEN, "--deployment", "cloud"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    // ---- parity with pat_checker.py --------------------------------------------------------

    @Test
    void positionalArgumentsWithDefaultThresholdRefreshACloudToken() {
        cloudToken(200);
        CliRun r = run(cloudArgs());
        assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out).startsWith("OK: Token 'jenkins-keepalive' refreshed; it expires on ")
                .contains("(200 days left)");
        assertThat(r.out.lines()).hasSize(1);
        assertThat(r.err).containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d INFO  Signing in to "
                + cloud.baseUrl() + " \\(site 'acme'\\) with token 'jenkins-keepalive'");
        assertThat(r.err).contains("INFO  Signed out").contains("WARN  The server URL uses http");
        assertThat(cloud.signInCount()).isEqualTo(1);
        assertThat(cloud.signOutCount()).isEqualTo(1);
    }

    @Test
    void defaultThresholdIsThirtyDays() {
        cloudToken(29);
        assertThat(run(cloudArgs()).exitCode).isEqualTo(ExitCode.EXPIRING);
    }

    @Test
    void shortAndLongThresholdOptions() {
        cloudToken(50);
        assertThat(run(cloudArgs("-t", "60")).exitCode).isEqualTo(ExitCode.EXPIRING);
        assertThat(run(cloudArgs("--age_threshold", "60")).exitCode).isEqualTo(ExitCode.EXPIRING);
        assertThat(run(cloudArgs("--age_threshold=14")).exitCode).isEqualTo(ExitCode.OK);
        assertThat(run(cloudArgs("--age-threshold", "49")).exitCode).isEqualTo(ExitCode.OK);
        CliRun expiring = run(cloudArgs("-t", "51"));
        assertThat(expiring.out).startsWith("EXPIRING: Token 'jenkins-keepalive' expires on ")
                .contains("(50 days left, threshold 51): create a new token");
        // The outcome is said once, on stdout; stderr carries only the progress.
        assertThat(expiring.err).contains("Signing in to").doesNotContain("expires on");
    }

    @Test
    void serverTokenOnTheDefaultSite() {
        server.addToken(SimulatedToken.builder(TOKEN, SECRET).site("").lastUsedAt(Instant.now()).build());
        CliRun r = run(server.baseUrl(), "", TOKEN);
        assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.OK);
        assertThat(r.out).contains("Tableau Server does not report token expiry");
        assertThat(r.err).contains("(Default site)");
    }

    // ---- exit codes --------------------------------------------------------------------------

    @Test
    void revokedTokenExitsFour() {
        cloud.addToken(SimulatedToken.builder(TOKEN, SECRET).site(SITE).expiresAt(inDays(100)).revoked(true).build());
        CliRun r = run(cloudArgs());
        assertThat(r.exitCode).isEqualTo(ExitCode.EXPIRED_OR_INVALID);
        assertThat(r.out).startsWith("EXPIRED_OR_INVALID: Token 'jenkins-keepalive': Sign-in refused (HTTP 401,"
                + " Tableau error 401001)");
    }

    @Test
    void wrongSecretExitsFour() {
        cloudToken(200);
        CliRun r = run(CliRun.with().env("TABLEAU_PAT_SECRET", "not-the-secret"), cloudArgs());
        assertThat(r.exitCode).isEqualTo(ExitCode.EXPIRED_OR_INVALID);
        assertThat(r.all()).doesNotContain("not-the-secret");
    }

    @Test
    void serverErrorExitsFive() {
        cloudToken(200);
        cloud.faults().add(Fault.serverError(503).on(Route.SIGNIN));
        CliRun r = run(cloudArgs());
        assertThat(r.exitCode).isEqualTo(ExitCode.ERROR);
        assertThat(r.out).startsWith("ERROR: Token 'jenkins-keepalive': Tableau server error (HTTP 503");
    }

    @Test
    void connectionRefusedExitsFive() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CliRun r = run("http://127.0.0.1:" + port, SITE, TOKEN);
        assertThat(r.exitCode).isEqualTo(ExitCode.ERROR);
        assertThat(r.out).startsWith("ERROR: ").contains("Connection refused");
    }

    @Test
    void usageErrorsExitTwoWithOneLineAndNoStackTrace() {
        CliRun missing = run(cloud.baseUrl(), SITE);
        assertThat(missing.exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err).startsWith("error: Missing required parameters: <server> <site_uri> <token_name>");

        CliRun badNumber = run(cloudArgs("-t", "soon"));
        assertThat(badNumber.exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(badNumber.err).contains("error: Invalid value for option '--age_threshold': 'soon' is not an int");

        CliRun tooLarge = run(cloudArgs("-t", "400"));
        assertThat(tooLarge.exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(tooLarge.err.strip()).isEqualTo("error: Threshold must be between 0 and 365 days, got 400");
        assertThat(tooLarge.out).isEmpty();

        CliRun badUrl = run("tableau.example.com", SITE, TOKEN);
        assertThat(badUrl.exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(badUrl.err.strip())
                .isEqualTo("error: Server URL 'tableau.example.com' has no scheme: write https://tableau.example.com");

        CliRun badDeployment = run(cloud.baseUrl(), SITE, TOKEN, "--deployment", "onprem");
        assertThat(badDeployment.exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(badDeployment.err).contains("error: Deployment 'onprem' is not known: use auto, cloud or server");
        assertThat(cloud.signInCount()).isZero();
    }

    @Test
    void missingSecretExitsTwoAndSaysWhereToPutIt() {
        CliRun r = run(CliRun.with(), cloudArgs());
        assertThat(r.exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(r.err.strip()).isEqualTo("error: environment variable TABLEAU_PAT_SECRET is not set: export"
                + " TABLEAU_PAT_SECRET=<the token secret>, or use --secret-file PATH or --secret-stdin");
    }

    @Test
    void helpListsTheExitCodes() {
        CliRun r = run("--help");
        assertThat(r.exitCode).isZero();
        assertThat(r.out).contains("[<server>]").contains("[<site_uri>]").contains("[<token_name>]")
                .contains("--age_threshold")
                .contains("--secret-file").contains("Exit codes:").contains("3  EXPIRING")
                .contains("4  EXPIRED_OR_INVALID").contains("demo").contains("fleet").contains("bench");
    }

    @Test
    void aSingleRefreshLeavesTheSubcommandsOutHelpAndSubcommandsBringThemIn() {
        assertThat(TableauPatRefreshCli.needsSubcommands(new String[] {"https://t.example.com", "acme", "tok", "-t",
                "30"})).isFalse();
        assertThat(TableauPatRefreshCli.needsSubcommands(new String[] {"--version"})).isFalse();
        assertThat(TableauPatRefreshCli.needsSubcommands(new String[] {"fleet", "tokens.csv"})).isTrue();
        assertThat(TableauPatRefreshCli.needsSubcommands(new String[] {"bench-single"})).isTrue();
        assertThat(TableauPatRefreshCli.needsSubcommands(new String[] {"https://t.example.com", "-h"})).isTrue();
        CliRun r = run("--version");
        assertThat(r.exitCode).isZero();
        assertThat(r.out).startsWith("tableau-pat-refresh ");
    }

    // ---- --json --------------------------------------------------------------------------------

    @Test
    void jsonIsTheResultAndNothingElse() throws IOException {
        cloudToken(10);
        CliRun r = run(cloudArgs("--json"));
        assertThat(r.exitCode).isEqualTo(ExitCode.EXPIRING);
        assertThat(r.err).isEmpty();
        JsonNode json = new ObjectMapper().readTree(r.out);
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        assertThat(keys).containsExactly("verdict", "serverUrl", "site", "tokenName", "deployment", "apiVersion",
                "productVersion", "expiresAt", "daysUntilExpiry", "lastUsedAt", "idleExpiresAt", "thresholdDays",
                "checkedAt", "signedIn", "signedOut", "summary", "errorKind", "httpStatus", "tableauErrorCode", "hint",
                "extraRound", "firstFailure", "messages");
        assertThat(json.get("verdict").asText()).isEqualTo("EXPIRING");
        assertThat(json.get("deployment").asText()).isEqualTo("cloud");
        assertThat(json.get("daysUntilExpiry").isIntegralNumber()).isTrue();
        assertThat(json.get("daysUntilExpiry").asLong()).isEqualTo(10);
        assertThat(json.get("thresholdDays").asInt()).isEqualTo(30);
        assertThat(json.get("signedIn").asBoolean()).isTrue();
        assertThat(json.get("signedOut").asBoolean()).isTrue();
        assertThat(Instant.parse(json.get("expiresAt").asText())).isAfter(Instant.now());
        assertThat(json.get("errorKind").isNull()).isTrue();
        assertThat(json.get("extraRound").asBoolean()).isFalse();
        assertThat(json.get("firstFailure").isNull()).isTrue();
        assertThat(json.get("messages").isArray()).isTrue();
        assertThat(json.get("messages").toString()).contains("Signing in to");
    }

    @Test
    void jsonForARefusedSignInCarriesTheError() throws IOException {
        cloudToken(200);
        CliRun r = run(CliRun.with().env("TABLEAU_PAT_SECRET", "wrong-secret-value"), cloudArgs("--json"));
        assertThat(r.exitCode).isEqualTo(ExitCode.EXPIRED_OR_INVALID);
        JsonNode json = new ObjectMapper().readTree(r.out);
        assertThat(json.get("verdict").asText()).isEqualTo("EXPIRED_OR_INVALID");
        assertThat(json.get("errorKind").asText()).isEqualTo("SIGN_IN_REFUSED");
        assertThat(json.get("httpStatus").asInt()).isEqualTo(401);
        assertThat(json.get("tableauErrorCode").asText()).isEqualTo("401001");
        assertThat(json.get("hint").asText()).isNotBlank();
    }

    @Test
    void jsonForInvalidInputIsStillJsonAndExitsTwo() throws IOException {
        CliRun r = run("https://tableau.example.com/#/site/acme/home", SITE, TOKEN, "--json");
        assertThat(r.exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(r.err).startsWith("error: ");
        JsonNode json = new ObjectMapper().readTree(r.out);
        assertThat(json.get("verdict").asText()).isEqualTo("ERROR");
        assertThat(json.get("errorKind").asText()).isEqualTo("INVALID_INPUT");
    }

    @Test
    void quietPrintsWarningsAndTheResultOnly() {
        cloudToken(200);
        CliRun r = run(cloudArgs("--quiet"));
        assertThat(r.exitCode).isZero();
        assertThat(r.err).doesNotContain("INFO").contains("WARN  The server URL uses http");
        assertThat(r.out).startsWith("OK: ");
    }

    // ---- where the secret comes from ------------------------------------------------------------

    @Test
    void secretFromAnotherEnvironmentVariable() {
        cloudToken(200);
        CliRun r = run(CliRun.with().env("ACME_PAT", SECRET), cloudArgs("--secret-env", "ACME_PAT"));
        assertThat(r.exitCode).as(r.toString()).isZero();
        CliRun unset = run(CliRun.with(), cloudArgs("--secret-env", "NOPE"));
        assertThat(unset.exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(unset.err).contains("error: environment variable NOPE is not set");
    }

    @Test
    void secretFromAFileWithATrailingNewline() throws IOException {
        cloudToken(200);
        Path f = dir.resolve("pat.secret");
        Files.writeString(f, SECRET + "\n");
        CliRun r = run(CliRun.with(), cloudArgs("--secret-file", f.toString()));
        assertThat(r.exitCode).as(r.toString()).isZero();
        CliRun missing = run(CliRun.with(), cloudArgs("--secret-file", dir.resolve("nope").toString()));
        assertThat(missing.exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err).contains("error: secret file ").contains("does not exist");
    }

    @Test
    void secretFromStdin() {
        cloudToken(200);
        CliRun r = run(CliRun.with().stdin(SECRET + "\r\n"), cloudArgs("--secret-stdin"));
        assertThat(r.exitCode).as(r.toString()).isZero();
        CliRun empty = run(CliRun.with(), cloudArgs("--secret-stdin"));
        assertThat(empty.exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(empty.err).contains("error: stdin is empty");
    }

    @Test
    void secretWithSurroundingSpaceIsRefusedWithoutEchoingIt() {
        CliRun r = run(CliRun.with().stdin(" " + SECRET + "\n"), cloudArgs("--secret-stdin"));
        assertThat(r.exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(r.err).contains("Token secret has leading or trailing white space").contains("(from stdin)");
    }

    @Test
    void twoSecretSourcesAreRefused() {
        CliRun r = run(cloudArgs("--secret-env", "A", "--secret-stdin"));
        assertThat(r.exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(r.err).contains("mutually exclusive");
    }

    @Test
    void positionalSecretWorksButWarns() {
        cloudToken(200);
        CliRun r = run(CliRun.with(), cloud.baseUrl(), SITE, TOKEN, SECRET, "--deployment", "cloud", "-t", "14");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.err).contains("WARN  The token secret was given on the command line, where other users can"
                + " see it (ps)");
        CliRun quietJson = run(CliRun.with(), cloud.baseUrl(), SITE, TOKEN, SECRET, "--deployment", "cloud", "--json");
        assertThat(quietJson.err).contains("WARN  The token secret was given on the command line");
        CliRun both = run(CliRun.with(), cloud.baseUrl(), SITE, TOKEN, SECRET, "--secret-stdin");
        assertThat(both.exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(both.err).contains("the secret is given twice");
    }

    // ---- the secret is never printed -----------------------------------------------------------

    @Test
    void secretEchoedByTableauIsMasked() {
        cloudToken(200);
        cloud.faults().add(Fault.tableauError(400, "400000", "Bad Request",
                "Invalid credentials personalAccessTokenSecret=" + SECRET).on(Route.SIGNIN));
        CliRun r = run(cloudArgs());
        assertThat(r.exitCode).isEqualTo(ExitCode.ERROR);
        assertThat(r.all()).contains("personalAccessTokenSecret=****");
        CliRun json = run(cloudArgs("--json"));
        assertThat(json.out).contains("personalAccessTokenSecret=****");
    }

    @Test
    void secretInAMistypedCommandLineIsNotEchoed() {
        CliRun r = run(CliRun.with(), cloud.baseUrl(), SITE, TOKEN, "--token-secret", SECRET);
        assertThat(r.exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(r.err).contains("unknown option '--token-secret'");
        CliRun extra = run(CliRun.with(), cloud.baseUrl(), SITE, TOKEN, "x", SECRET);
        assertThat(extra.exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(extra.err).contains("1 unexpected argument (not shown: it may be a secret)");
        CliRun inline = run(CliRun.with(), cloud.baseUrl(), SITE, TOKEN, "--secret=" + SECRET);
        assertThat(inline.exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(inline.err).contains("unknown option '--secret=...'");
    }

    @Test
    void secretInTheEnvironmentIsMaskedEvenWhenAnErrorEchoesIt() {
        // The site argument happens to contain the secret: the error names the site, the mask hides it.
        CliRun r = run("https://tableau.example.com", "x/" + SECRET, TOKEN);
        assertThat(r.exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(r.err).contains("****");
    }
}
