package io.jenkins.plugins.tableaupat.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The table's cells that the Jenkins build page shows too, from a stored token name, site, days and summary. */
class ResultTableTest {
    @Test
    void theDetailCellDropsTheTokenOpeningTheTokenColumnShows() {
        assertThat(ResultTable.detail("t0", "Token 't0': Sign-in refused")).isEqualTo("Sign-in refused");
        assertThat(ResultTable.detail("t0", "Token 't0' refreshed; it expires")).isEqualTo("refreshed; it expires");
    }

    @Test
    void aSummaryOfAnotherTokenOrNoneIsLeftAlone() {
        assertThat(ResultTable.detail("t0", "Token 'other' refreshed")).isEqualTo("Token 'other' refreshed");
        assertThat(ResultTable.detail("t0", null)).isEmpty();
    }

    @Test
    void theSiteAndDaysLeftCellsNameTheDefaultSiteAndUnknownDays() {
        assertThat(ResultTable.site("")).isEqualTo("(default)");
        assertThat(ResultTable.site(null)).isEqualTo("(default)");
        assertThat(ResultTable.site("acme")).isEqualTo("acme");
        assertThat(ResultTable.daysLeft(null)).isEqualTo("-");
        assertThat(ResultTable.daysLeft(0L)).isEqualTo("0");
        assertThat(ResultTable.daysLeft(42L)).isEqualTo("42");
    }
}
