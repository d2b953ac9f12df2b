package io.jenkins.plugins.tableaupat.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ApiVersionTest {
    @Test
    void comparesNumerically() {
        assertThat(ApiVersion.parse("3.9").isBefore(ApiVersion.parse("3.10"))).isTrue();
        assertThat(ApiVersion.parse("3.28")).isGreaterThan(ApiVersion.PAT_SIGN_IN);
        assertThat(ApiVersion.parse("2.8").isBefore(ApiVersion.PAT_SIGN_IN)).isTrue();
        assertThat(ApiVersion.parse(" 3.6 ")).isEqualTo(ApiVersion.PAT_SIGN_IN).hasToString("3.6");
    }

    @Test
    void refusesOtherForms() {
        assertThatThrownBy(() -> ApiVersion.parse("3")).hasMessageContaining("is not of the form 3.21");
        assertThatThrownBy(() -> ApiVersion.parse("v3.1")).isInstanceOf(TableauException.class);
        assertThatThrownBy(() -> ApiVersion.parse(null)).isInstanceOf(TableauException.class);
    }
}
