package io.jenkins.plugins.tableaupat.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteContentUrlTest {

    @Test
    void acceptsContentUrlsAndDefaultSite() {
        assertThat(SiteContentUrl.parse("acme")).isEqualTo("acme");
        assertThat(SiteContentUrl.parse(" acme-analytics_2 ")).isEqualTo("acme-analytics_2");
        assertThat(SiteContentUrl.parse("")).isEmpty();
        assertThat(SiteContentUrl.parse(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "#/site/acme/home | use 'acme'",
        "/site/acme | use 'acme'",
        "site/acme | use 'acme'",
        "acme/sales | without slashes: use only the part after /site/",
        "https://10ax.online.tableau.com/#/site/acme | is a URL",
        "Acme Analytics | contains spaces: use the site's content URL",
    })
    void refusesPathsAndNames(String input, String message) {
        assertThatThrownBy(() -> SiteContentUrl.parse(input))
                .isInstanceOf(TableauException.class)
                .hasMessageContaining(message);
    }
}
