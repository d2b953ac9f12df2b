package io.jenkins.plugins.tableaupat.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SimulatorMainTest {

    @Test
    void tokenSpecAllowsColonsInTheSecret() {
        SimulatedToken t = SimulatorMain.token("keepalive:se:cr:et:acme:30");
        assertThat(t.name()).isEqualTo("keepalive");
        assertThat(t.secret()).isEqualTo("se:cr:et");
        assertThat(t.site()).isEqualTo("acme");
        assertThat(t.expiresAt()).isAfter(t.lastUsedAt().plusSeconds(29L * 86400));
    }

    @Test
    void tokenSpecNeedsFourParts() {
        assertThatThrownBy(() -> SimulatorMain.token("a:b:c")).isInstanceOf(IllegalArgumentException.class);
    }
}
