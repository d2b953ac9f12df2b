package io.jenkins.plugins.tableaupat.core.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.tableaupat.core.TokenSecret;
import org.junit.jupiter.api.Test;

class AuthEndpointTest {
    @Test
    void signInBodyEscapesEveryCharacter() throws Exception {
        String name = "name \"with\" <xml> & \\ quotes";
        String secret = "s3cr\"et&<>\\\u00e9\u2603\n";
        JsonNode body = new ObjectMapper().readTree(AuthEndpoint.signInBody("acme", name, TokenSecret.of(secret.strip() + "x")));
        JsonNode c = body.get("credentials");
        assertThat(c.get("personalAccessTokenName").asText()).isEqualTo(name);
        assertThat(c.get("personalAccessTokenSecret").asText()).isEqualTo(secret.strip() + "x");
        assertThat(c.get("site").get("contentUrl").asText()).isEqualTo("acme");
    }

    @Test
    void sessionPrintsWithoutItsToken() {
        assertThat(new SignInSession("tok-123456", "s", "u", null).toString()).doesNotContain("tok-123456");
    }
}
