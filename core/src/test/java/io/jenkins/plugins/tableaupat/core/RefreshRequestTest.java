package io.jenkins.plugins.tableaupat.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RefreshRequestTest {
    private static final String SECRET = "Zq7-very-secret-value";

    private static RefreshRequest.Builder valid() {
        return RefreshRequest.builder().serverUrl("https://tableau.example.com").site("acme")
                .tokenName("jenkins").tokenSecret(SECRET);
    }

    @Test
    void defaults() {
        RefreshRequest r = valid().build();
        assertThat(r.thresholdDays()).isEqualTo(30);
        assertThat(r.deployment()).isEqualTo(Deployment.AUTO);
        assertThat(r.apiVersion()).isNull();
        assertThat(r.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(r.tokenKey()).isEqualTo("https://tableau.example.com|acme|jenkins");
    }

    @Test
    void toStringMasksTheSecret() {
        assertThat(valid().build().toString()).doesNotContain(SECRET).contains("tokenSecret=****");
        assertThat(TokenSecret.of(SECRET).toString()).isEqualTo("****");
    }

    @Test
    void refusesBadValuesBeforeAnyNetworkCall() {
        assertInvalid(valid().tokenName(""), "Token name is empty");
        assertInvalid(valid().tokenName("   "), "Token name is empty");
        assertInvalid(valid().tokenName(" jenkins"), "leading or trailing white space");
        assertInvalid(valid().thresholdDays(-1), "Threshold must be between 0 and 365 days, got -1");
        assertInvalid(valid().thresholdDays(100000), "got 100000");
        assertInvalid(valid().apiVersion("latest"), "API version 'latest' is not of the form 3.21");
        assertInvalid(valid().apiVersion("3.5"), "API version 3.5 cannot sign in with a personal access token");
        assertInvalid(valid().timeout(Duration.ZERO), "Timeout must be between 1 and 600 seconds");
        assertInvalid(valid().timeout(Duration.ofHours(2)), "Timeout must be between 1 and 600 seconds");
        assertInvalid(valid().site("a/b"), "without slashes");
        assertInvalid(valid().serverUrl("https://10ax.online.tableau.com").site(""), "Tableau Cloud needs the site");
        assertInvalid(valid().deployment(Deployment.CLOUD).site(""), "Tableau Cloud needs the site");
        assertInvalid(RefreshRequest.builder().serverUrl("https://t.example.com").tokenName("x"), "Token secret is empty");
    }

    @Test
    void secretValidationNeverEchoesTheSecret() {
        assertThatThrownBy(() -> TokenSecret.of(" " + SECRET)).hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> TokenSecret.of("")).hasMessageContaining("Token secret is empty");
    }

    @Test
    void defaultSiteIsFineOnServer() {
        assertThat(valid().site("").build().site()).isEmpty();
    }

    @Test
    void deploymentParsesLeniently() {
        assertThat(Deployment.parse(" Cloud ")).isEqualTo(Deployment.CLOUD);
        assertThat(Deployment.parse("")).isEqualTo(Deployment.AUTO);
        assertThatThrownBy(() -> Deployment.parse("online")).hasMessage(
                "Deployment 'online' is not known: use auto, cloud or server");
    }

    private static void assertInvalid(RefreshRequest.Builder b, String message) {
        assertThatThrownBy(b::build).isInstanceOfSatisfying(TableauException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
            assertThat(e.getMessage()).contains(message).doesNotContain("\n").doesNotContain(SECRET);
        });
    }
}
