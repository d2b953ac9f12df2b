package io.jenkins.plugins.tableaupat.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RandomFaultsTest extends SimulatorTestSupport {

    private static final int TOKENS = 8;
    private static final int ROUNDS = 25;

    private static String name(int i) {
        return "token-" + i;
    }

    private TableauSimulator withTokens(RandomFaults faults) {
        TableauSimulator sim = start(Mode.CLOUD);
        for (int i = 0; i < TOKENS; i++) {
            sim.addToken(SimulatedToken.builder(name(i), SECRET).site(SITE).lastUsedAt(NOW).build());
        }
        sim.faults().random(faults);
        return sim;
    }

    @Test
    void theSameSeedGivesEachTokenTheSameFaultsWhateverTheOrder() throws Exception {
        int[] forward = new int[TOKENS];
        int[] backward = new int[TOKENS];
        for (int i = 0; i < TOKENS; i++) {
            forward[i] = i;
            backward[i] = TOKENS - 1 - i;
        }
        RandomFaults a = RandomFaults.parse("503=15,429=5,drop=5", 42);
        TableauSimulator simA = withTokens(a);
        List<Integer> first = signInsKeepingFaults(simA, a, forward);
        RandomFaults b = RandomFaults.parse("503=15,429=5,drop=5", 42);
        TableauSimulator simB = withTokens(b);
        List<Integer> second = signInsKeepingFaults(simB, b, backward);

        assertThat(second).isEqualTo(first);
        long faulted = first.stream().filter(s -> s != 200).count();
        assertThat(faulted).as("faults of %s requests at 25%%", first.size()).isBetween(25L, 75L)
                .isEqualTo(a.injected());
        assertThat(first).contains(0, 429, 503);
        // A fault answers before the simulated Tableau sees the request: no session is left open.
        assertThat(simA.openSessions()).isZero();
        assertThat(simA.signInCount()).isEqualTo(first.size() - faulted);

        List<Integer> otherSeed = signInsKeepingFaults(withTokens(RandomFaults.parse("503=15,429=5,drop=5", 43)),
                null, forward);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    /**
     * The status of each sign-in (0: connection dropped), token by token; each session is signed out
     * again with the random faults switched off for that call.
     */
    private static List<Integer> signInsKeepingFaults(TableauSimulator sim, RandomFaults faults, int[] order)
            throws Exception {
        RandomFaults active = faults != null ? faults : sim.faults().random();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < TOKENS * ROUNDS; i++) {
            statuses.add(-1);
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (int t : order) {
                int status;
                try {
                    HttpResponse<String> r = signIn(sim, name(t), SECRET, SITE);
                    status = r.statusCode();
                    if (status == 200) {
                        sim.faults().random(null);
                        assertThat(signOut(sim, json(r).get("credentials").get("token").asText()).statusCode()).isEqualTo(204);
                        sim.faults().random(active);
                    }
                } catch (java.io.IOException dropped) {
                    status = 0;
                }
                statuses.set(t * ROUNDS + round, status);
            }
        }
        return statuses;
    }

    @Test
    void aSlowFaultDelaysAndLetsTheRequestThrough() throws Exception {
        TableauSimulator sim = withTokens(RandomFaults.parse("slow:30=100", 7));
        HttpResponse<String> r = signIn(sim, name(0), SECRET, SITE);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(sim.faults().random().injected()).isEqualTo(1);
        sim.faults().clear();
        assertThat(sim.faults().random()).isNull();
        assertThat(signOut(sim, json(r).get("credentials").get("token").asText()).statusCode()).isEqualTo(204);
    }

    @Test
    void aRandomFaultKeepsToItsRoute() throws Exception {
        TableauSimulator sim = withTokens(RandomFaults.seed(1).rate(Fault.serverError(502).on(Route.SIGNOUT), 1.0));
        HttpResponse<String> r = signIn(sim, name(0), SECRET, SITE);
        assertThat(r.statusCode()).isEqualTo(200);
        String session = json(r).get("credentials").get("token").asText();
        assertThat(signOut(sim, session).statusCode()).isEqualTo(502);
        assertThat(sim.openSessions()).isEqualTo(1);
        sim.faults().random(null);
        assertThat(signOut(sim, session).statusCode()).isEqualTo(204);
    }

    @Test
    void specErrorsSayWhatToWrite() {
        assertThat(RandomFaults.parse("503=10, 429:3=5,drop=5 ,slow:250=5", 1).toString())
                .contains("SERVER_ERROR", "TOO_MANY_REQUESTS", "DROP_CONNECTION", "LATENCY", "10.0%", "5.0%");
        assertThatThrownBy(() -> RandomFaults.parse("404=5", 1)).hasMessage(
                "unknown random fault '404': write KIND=PERCENT,... with KIND a 5xx status (e.g. 503),"
                        + " 429[:RETRY_AFTER_S], drop or slow[:MS]");
        assertThatThrownBy(() -> RandomFaults.parse("503", 1)).hasMessageStartingWith("'503' is not KIND=PERCENT");
        assertThatThrownBy(() -> RandomFaults.parse("503=ten", 1)).hasMessage(
                "'ten' is not a percentage in '503=ten': write a number from 0 to 100");
        assertThatThrownBy(() -> RandomFaults.parse("503=60,drop=50", 1)).hasMessage(
                "the random fault percentages add up to more than 100 in '503=60,drop=50'");
        assertThatThrownBy(() -> RandomFaults.parse(" ", 1)).hasMessageStartingWith("no random faults given");
        assertThatThrownBy(() -> RandomFaults.seed(1).rate(Fault.dropConnection().times(2), 0.5))
                .hasMessageStartingWith("a random fault applies by rate, not times");
    }

    @Test
    void simulatorMainReadsTheSeed() {
        assertThat(SimulatorMain.seed(" 42 ")).isEqualTo(42L);
        assertThatThrownBy(() -> SimulatorMain.seed("x")).hasMessage("--fault-seed wants a whole number, got 'x'");
    }
}
