package io.jenkins.plugins.tableaupat.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ServerAddressTest {

    @ParameterizedTest
    @CsvSource({
        "https://tableau.example.com, https://tableau.example.com",
        "https://tableau.example.com/, https://tableau.example.com",
        "'  https://Tableau.Example.com//  ', https://tableau.example.com",
        "HTTPS://10ax.online.tableau.com, https://10ax.online.tableau.com",
        "https://tableau.example.com:8443/, https://tableau.example.com:8443",
        "https://proxy.example.com/tableau/, https://proxy.example.com/tableau",
        "https://proxy.example.com/a/b, https://proxy.example.com/a/b",
        "http://tableau.internal, http://tableau.internal",
    })
    void acceptsAndNormalises(String input, String expected) {
        assertThat(ServerAddress.parse(input).toString()).isEqualTo(expected);
    }

    @Test
    void resolvesBelowPathPrefix() {
        assertThat(ServerAddress.parse("https://proxy.example.com/tableau/").resolve("api/3.28/auth/signin"))
                .hasToString("https://proxy.example.com/tableau/api/3.28/auth/signin");
    }

    @Test
    void detectsCloudPods() {
        assertThat(ServerAddress.parse("https://10ax.online.tableau.com").isCloudHost()).isTrue();
        assertThat(ServerAddress.parse("https://prod-useast-b.online.tableau.com").isCloudHost()).isTrue();
        assertThat(ServerAddress.parse("https://tableau.example.com").isCloudHost()).isFalse();
        assertThat(ServerAddress.parse("https://notonline.tableau.com").isCloudHost()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'' | Server URL is empty",
        "tableau.example.com | has no scheme: write https://tableau.example.com",
        "ftp://tableau.example.com | starts with ftp://: use https://",
        "https://tableau example.com | contains spaces",
        "https:// tableau.example.com | contains spaces",
        "https://10ax.online.tableau.com/#/site/acme/home | is a browser address: use server URL 'https://10ax.online.tableau.com' and site 'acme'",
        "https://10ax.online.tableau.com/#/site/acme | and site 'acme'",
        "https://tableau.example.com/#/projects | use server URL 'https://tableau.example.com' and leave the site empty",
        "https://tableau.example.com/t/finance/views/Sales/Overview | use server URL 'https://tableau.example.com' and site 'finance'",
        "https://proxy.example.com/tableau/#/site/sales/home | use server URL 'https://proxy.example.com/tableau' and site 'sales'",
        "https://tableau.example.com/api/3.28/auth/signin | includes the REST path: use https://tableau.example.com (the part before /api/)",
        "https://tableau.example.com/?x=1 | has a query string",
        "https://online.tableau.com | online.tableau.com is the Tableau Cloud sign-in page, not your pod",
        "https://www.online.tableau.com/ | is the Tableau Cloud sign-in page",
        "https://sso.online.tableau.com | is the Tableau Cloud sign-in page",
        "http://10ax.online.tableau.com | Tableau Cloud only accepts https: use https://10ax.online.tableau.com",
        "https:// | has no host name",
        "https://exa mple | contains spaces",
        "https://bad^host.example.com | is not a valid URL",
    })
    void refusesWithAMessageSayingWhatToFix(String input, String message) {
        assertThatThrownBy(() -> ServerAddress.parse(input))
                .isInstanceOfSatisfying(TableauException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
                    assertThat(e.getMessage()).contains(message).doesNotContain("\n");
                });
    }

    @Test
    void neverEchoesUserInfo() {
        assertThatThrownBy(() -> ServerAddress.parse("https://admin:hunter22@tableau.example.com"))
                .hasMessageContaining("must not contain a user name or password")
                .hasMessageNotContaining("hunter22");
    }
}
