package io.jenkins.plugins.tableaupat.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoCommandTest {

    @Test
    void onlyDemoArgumentsSelectTheDemo() {
        assertThat(DemoCommand.wanted(new String[] {"--demo"})).isTrue();
        assertThat(DemoCommand.wanted(new String[] {"--port", "9000", "--demo"})).isTrue();
        assertThat(DemoCommand.wanted(new String[] {"--mode", "cloud"})).isFalse();
    }

    @Test
    void portDefaultsToTheDocumentedOne() {
        assertThat(DemoCommand.port(new String[] {"--demo"})).isEqualTo(8480).isEqualTo(DemoTableau.DEFAULT_PORT);
        assertThat(DemoCommand.port(new String[] {"--demo", "--port", "9100"})).isEqualTo(9100);
        assertThat(DemoCommand.port(new String[] {"--demo", "--port", "0"})).isZero();
        assertThat(DemoCommand.port(new String[] {"--demo", "--help"})).isNull();
    }

    @Test
    void badArgumentsSayWhatToFix() {
        assertThatThrownBy(() -> DemoCommand.port(new String[] {"--demo", "--port"}))
                .hasMessage("--port needs a value: a port from 1 to 65534, or 0");
        assertThatThrownBy(() -> DemoCommand.port(new String[] {"--demo", "--port", "http"}))
                .hasMessageContaining("got 'http'");
        assertThatThrownBy(() -> DemoCommand.port(new String[] {"--demo", "--port", "65535"}))
                .hasMessageContaining("N+1 must exist");
        assertThatThrownBy(() -> DemoCommand.port(new String[] {"--demo", "--https"}))
                .hasMessageContaining("leave out --https");
        assertThatThrownBy(() -> DemoCommand.port(new String[] {"--demo", "--token", "a:b:c:1"}))
                .hasMessageContaining("leave out --token");
        assertThatThrownBy(() -> DemoCommand.port(new String[] {"--demo", "--verbose"}))
                .hasMessage("unknown option --verbose (--demo takes only --port N)");
    }

    @Test
    void usageErrorsExitWith2AndATakenPortWith1() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(DemoCommand.run(new String[] {"--demo", "--port", "x"}, o, e)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: --port wants").contains("usage:");

        err.reset();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(taken.getLocalPort());
            assertThat(DemoCommand.run(new String[] {"--demo", "--port", port}, o, e)).isEqualTo(1);
        }
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).singleElement().asString()
                .startsWith("error: port ").contains("already in use");
        assertThat(out.size()).isZero();
    }
}
