package io.jenkins.plugins.tableaupat.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.tableaupat.simulator.Fault;
import io.jenkins.plugins.tableaupat.simulator.Mode;
import io.jenkins.plugins.tableaupat.simulator.RecordedRequest;
import io.jenkins.plugins.tableaupat.simulator.Route;
import io.jenkins.plugins.tableaupat.simulator.SimulatedToken;
import io.jenkins.plugins.tableaupat.simulator.TableauSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code fleet FILE} through the entry point against two simulators. */
@Timeout(60)
class FleetCommandTest {
    static final String SITE = "acme";
    static final String S_OK = "cloud-Ok-S3cret==";
    static final String S_EXPIRING = "cloud-Expiring-S3cret==";
    static final String S_REVOKED = "cloud-Revoked-S3cret==";
    static final String S_SERVER = "server-Ok-S3cret==";
    static final String S_LITERAL = "literal-Only-S3cret==";

    private final List<CliRun> runs = new ArrayList<>();
    private TableauSimulator cloud;
    private TableauSimulator server;

    @TempDir
    Path dir;

    @BeforeEach
    void start() {
        Instant now = Instant.now();
        cloud = TableauSimulator.builder().mode(Mode.CLOUD).build();
        cloud.start();
        cloud.addSite(SITE);
        cloud.addToken(SimulatedToken.builder("ok", S_OK).site(SITE)
                .expiresAt(now.plus(Duration.ofDays(200)).plus(Duration.ofHours(2)))
                .lastUsedAt(now).build());
        cloud.addToken(SimulatedToken.builder("expiring", S_EXPIRING).site(SITE)
                .expiresAt(now.plus(Duration.ofDays(10)).plus(Duration.ofHours(2))).lastUsedAt(now).build());
        cloud.addToken(SimulatedToken.builder("revoked", S_REVOKED).site(SITE).expiresAt(now.plus(Duration.ofDays(90)))
                .revoked(true).build());
        server = TableauSimulator.builder().mode(Mode.SERVER).build();
        server.start();
        server.addToken(SimulatedToken.builder("etl", S_SERVER).site("").lastUsedAt(now).build());
        server.addToken(SimulatedToken.builder("literal", S_LITERAL).site("").lastUsedAt(now).build());
    }

    @AfterEach
    void noSecretPrintedNoSessionLeft() {
        try {
            for (CliRun r : runs) {
                for (String s : List.of(S_OK, S_EXPIRING, S_REVOKED, S_SERVER, S_LITERAL)) {
                    assertThat(r.all()).as("output of %s", r).doesNotContain(s);
                }
                assertThat(r.all()).doesNotContain("\tat ");
            }
            assertThat(cloud.openSessions()).isZero();
            assertThat(server.openSessions()).isZero();
        } finally {
            cloud.close();
            server.close();
        }
    }

    private Path fleet(String perms, String... lines) throws IOException {
        Path f = dir.resolve("fleet.csv");
        Files.write(f, List.of(lines));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
        return f;
    }

    private CliRun run(Path file, String... more) {
        List<String> args = new ArrayList<>(List.of("fleet", file.toString()));
        args.addAll(List.of(more));
        CliRun r = CliRun.with().env("OK_SECRET", S_OK).env("EXPIRING_SECRET", S_EXPIRING)
                .env("REVOKED_SECRET", S_REVOKED).run(args.toArray(String[]::new));
        runs.add(r);
        return r;
    }

    private String[] mixedLines() throws IOException {
        Files.writeString(dir.resolve("etl.secret"), S_SERVER + "\n");
        String c = cloud.baseUrl();
        String s = server.baseUrl();
        return new String[] {
            "# a mixed fleet",
            "server,site,tokenName,secretRef",
            c + ", acme, ok, env:OK_SECRET, deployment=cloud",
            c + ", acme, expiring, env:EXPIRING_SECRET, deployment=cloud",
            c + ", acme, revoked, env:REVOKED_SECRET, deployment=cloud",
            s + ", , etl, file:etl.secret",
        };
    }

    @Test
    void mixedOutcomesGiveATableAndTheWorstExitCode() throws IOException {
        CliRun r = run(fleet("rw-r--r--", mixedLines()), "--parallel", "3");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.EXPIRED_OR_INVALID);
        List<String> out = r.out.lines().collect(Collectors.toList());
        assertThat(out.get(0)).startsWith("LINE  VERDICT").contains("DAYS LEFT").contains("TOKEN").contains("DETAIL");
        assertThat(out.get(1)).startsWith("3     OK").contains(" 200 ").contains("ok").contains("acme");
        assertThat(out.get(2)).startsWith("4     EXPIRING").contains(" 10 ").contains("(10 days left, threshold 30)");
        assertThat(out.get(3)).startsWith("5     EXPIRED_OR_INVALID").contains("Sign-in refused");
        assertThat(out.get(4)).startsWith("6     OK").contains("(default)").contains("does not report token expiry");
        assertThat(out.get(5)).isEqualTo("4 tokens: 2 OK, 1 EXPIRING, 1 EXPIRED_OR_INVALID, 0 ERROR");
        assertThat(out.get(6)).isEqualTo("exit code 4");
        assertThat(r.err).contains("INFO  [line 3 ok@acme] Signing in to").contains("INFO  [line 6 etl] Signed out");
        // serverinfo once per server
        assertThat(count(cloud, "serverinfo")).isEqualTo(1);
        assertThat(count(server, "serverinfo")).isEqualTo(1);
    }

    @Test
    void anInvalidLineIsAnErrorAndDoesNotStopTheOthers() throws IOException {
        List<String> lines = new ArrayList<>(List.of(mixedLines()));
        lines.add(cloud.baseUrl() + ", acme, ghost, env:UNSET_SECRET, deployment=cloud");
        lines.add("https://tableau.example.com/#/site/x, acme, ghost2, env:OK_SECRET");
        CliRun r = run(fleet("rw-r--r--", lines.toArray(String[]::new)));
        assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.ERROR);
        assertThat(r.out).contains("6 tokens: 2 OK, 1 EXPIRING, 1 EXPIRED_OR_INVALID, 2 ERROR")
                .contains("environment variable UNSET_SECRET is not set").contains("exit code 5");
        assertThat(r.err).contains("WARN  [line 7 ghost@acme] not refreshed: environment variable UNSET_SECRET");
        assertThat(r.err).contains("WARN  [line 8 ghost2@acme] not refreshed: Server URL");
        assertThat(count(cloud, "/auth/signin")).isEqualTo(3);
    }

    @Test
    void allOkExitsZeroAndJsonHasOneEntryPerLine() throws IOException {
        Files.writeString(dir.resolve("etl.secret"), S_SERVER);
        Path f = fleet("rw-------",
                cloud.baseUrl() + ",acme,ok,env:OK_SECRET,deployment=cloud,threshold=7",
                server.baseUrl() + ",,etl,file:etl.secret",
                server.baseUrl() + ",,literal,literal:" + S_LITERAL);
        CliRun r = run(f, "--json");
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.err).isEmpty();
        JsonNode json = new ObjectMapper().readTree(r.out);
        assertThat(json.get("verdict").asText()).isEqualTo("OK");
        assertThat(json.get("exitCode").asInt()).isZero();
        assertThat(json.get("total").asInt()).isEqualTo(3);
        assertThat(json.get("counts").get("OK").asInt()).isEqualTo(3);
        assertThat(json.get("results").size()).isEqualTo(3);
        JsonNode first = json.get("results").get(0);
        assertThat(first.get("line").asInt()).isEqualTo(1);
        assertThat(first.get("tokenName").asText()).isEqualTo("ok");
        assertThat(first.get("thresholdDays").asInt()).isEqualTo(7);
        assertThat(first.get("daysUntilExpiry").asLong()).isBetween(199L, 200L);
        assertThat(first.get("messages").isArray()).isTrue();
        assertThat(json.get("results").get(2).get("tokenName").asText()).isEqualTo("literal");
    }

    @Test
    void literalSecretInAGroupReadableFileIsRefusedNamingTheLine() throws IOException {
        Path f = fleet("rw-r-----", server.baseUrl() + ",,etl,env:OK_SECRET",
                server.baseUrl() + ",,literal,literal:" + S_LITERAL);
        CliRun r = run(f);
        assertThat(r.exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(r.err).contains("error: fleet file " + f + ": line 2: a literal: secret is only allowed when the"
                + " fleet file is readable by its owner alone, but its permissions are rw-r-----: run chmod 600");
        assertThat(r.out).isEmpty();
        assertThat(server.signInCount()).isZero();
    }

    @Test
    void parseErrorsNameTheLines() throws IOException {
        Path f = fleet("rw-r--r--", "# header comment", cloud.baseUrl() + ",acme,ok",
                cloud.baseUrl() + ",acme,ok," + S_OK);
        CliRun r = run(f);
        assertThat(r.exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(r.err).contains("2 problems").contains("line 2: expected server,site,tokenName,secretRef")
                .contains("line 3: the secret reference (field 4) must be env:VAR, file:PATH or literal:SECRET");
        assertThat(cloud.signInCount()).isZero();
    }

    @Test
    void theSameTokenTwiceNeverRunsConcurrently() throws IOException {
        server.faults().add(Fault.latency(Duration.ofMillis(30)).on(Route.ANY));
        Files.writeString(dir.resolve("etl.secret"), S_SERVER);
        String line = server.baseUrl() + ",,etl,file:etl.secret";
        CliRun r = run(fleet("rw-r--r--", line, line, line), "--parallel", "4");
        assertThat(r.exitCode).as(r.toString()).isZero();
        List<String> calls = server.requests().stream().map(FleetCommandTest::routeOf)
                .filter(s -> !s.equals("serverinfo")).collect(Collectors.toList());
        assertThat(calls).containsExactly("signin", "signout", "signin", "signout", "signin", "signout");
    }

    @Test
    void parallelismOutOfRangeIsAUsageError() throws IOException {
        CliRun r = run(fleet("rw-r--r--", mixedLines()), "--parallel", "0");
        assertThat(r.exitCode).isEqualTo(ExitCode.USAGE);
        assertThat(r.err).contains("error: --parallel must be between 1 and 256, got 0");
    }

    private static String routeOf(RecordedRequest q) {
        String p = q.path().toLowerCase();
        if (p.endsWith("/serverinfo")) {
            return "serverinfo";
        }
        if (p.endsWith("/auth/signin")) {
            return "signin";
        }
        if (p.endsWith("/auth/signout")) {
            return "signout";
        }
        return p;
    }

    @Test
    void aTokenUnluckyOnEveryRetryEndsOkInTheExtraRound() throws IOException {
        // Three 503s use up the test's three attempts per request for the first sign-in (parallelism 1).
        cloud.faults().add(Fault.serverError(503).on(Route.SIGNIN).times(3));
        CliRun r = run(fleet("rw-r--r--", mixedLines()), "--parallel", "1");
        assertThat(r.exitCode).as(r.toString()).isEqualTo(ExitCode.EXPIRED_OR_INVALID);
        List<String> out = r.out.lines().collect(Collectors.toList());
        assertThat(out.get(1)).startsWith("3     OK").contains("refreshed; it expires on")
                .endsWith("(extra round; the first attempt failed: Tableau server error (HTTP 503): Tableau failed to"
                        + " answer the sign-in: try again later and check the Tableau status page or server logs)");
        assertThat(out.get(5)).isEqualTo("4 tokens: 2 OK, 1 EXPIRING, 1 EXPIRED_OR_INVALID, 0 ERROR;"
                + " 1 needed an extra round");
        assertThat(r.err).contains("WARN  [line 3 ok@acme] Token 'ok': Tableau server error (HTTP 503)")
                .contains("INFO  [line 3 ok@acme] Extra round: trying again after the other tokens, because the first"
                        + " attempt failed in passing");
        // The revoked token's refused sign-in is not tried again.
        assertThat(cloud.requests().stream().filter(q -> q.path().endsWith("/auth/signin")
                && q.body().contains("\"revoked\"")).count()).isEqualTo(1);

        CliRun json = run(fleet("rw-r--r--", mixedLines()), "--json");
        assertThat(json.out).contains("\"extraRound\" : 0");
    }

    private static long count(TableauSimulator sim, String pathPart) {
        return sim.requests().stream().filter(q -> q.path().toLowerCase().contains(pathPart)).count();
    }
}
