package io.jenkins.plugins.tableaupat.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The table's DETAIL cell, which the Jenkins build page shows from a stored token name and summary. */
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
}
