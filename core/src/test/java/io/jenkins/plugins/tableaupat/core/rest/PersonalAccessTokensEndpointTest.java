package io.jenkins.plugins.tableaupat.core.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.tableaupat.core.json.JsonTree;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonalAccessTokensEndpointTest {
    private static List<PersonalAccessToken> parse(String json) throws Exception {
        return PersonalAccessTokensEndpoint.parse(JsonTree.parse(json));
    }

    @Test
    void readsAnArray() throws Exception {
        List<PersonalAccessToken> tokens = parse("{\"personalAccessTokens\":{\"personalAccessToken\":["
                + "{\"tokenName\":\"a\",\"tokenGuid\":\"g1\",\"expiresAt\":\"2026-09-30T12:00:00Z\",\"lastUsedAt\":\"2026-03-01T08:15:00Z\"},"
                + "{\"tokenName\":\"b\"}]}}");
        assertThat(tokens).containsExactly(
                new PersonalAccessToken("a", "g1", Instant.parse("2026-09-30T12:00:00Z"), Instant.parse("2026-03-01T08:15:00Z")),
                new PersonalAccessToken("b", null, null, null));
    }

    @Test
    void toleratesTheListQuirks() throws Exception {
        assertThat(parse("{\"personalAccessTokens\":{}}")).isEmpty();
        assertThat(parse("{}")).isEmpty();
        assertThat(parse("{\"personalAccessTokens\":{\"personalAccessToken\":{\"tokenName\":\"solo\"}}}"))
                .extracting(PersonalAccessToken::tokenName).containsExactly("solo");
        assertThat(parse("{\"personalAccessTokens\":{\"personalAccessToken\":[\"junk\", 3]}}")).isEmpty();
    }

    @Test
    void timestampsAreReadLeniently() {
        assertThat(TableauTimestamp.parse("2026-09-30T12:00:00Z")).isEqualTo(Instant.parse("2026-09-30T12:00:00Z"));
        assertThat(TableauTimestamp.parse("2026-09-30T14:00:00+02:00")).isEqualTo(Instant.parse("2026-09-30T12:00:00Z"));
        assertThat(TableauTimestamp.parse("2026-09-30T12:00:00.250Z")).isEqualTo(Instant.parse("2026-09-30T12:00:00.250Z"));
        assertThat(TableauTimestamp.parse("2026-09-30T12:00:00")).isEqualTo(Instant.parse("2026-09-30T12:00:00Z"));
        assertThat(TableauTimestamp.parse("30/09/2026")).isNull();
        assertThat(TableauTimestamp.parse(null)).isNull();
    }
}
