package io.jenkins.plugins.tableaupat.core.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DismissalTest {
    @Test
    void nothingDismissedCoversOnlyNothing() {
        Dismissal d = new Dismissal();
        assertThat(d.covers(Set.of())).isTrue();
        assertThat(d.covers(Set.of("t1|EXPIRING"))).isFalse();
    }

    @Test
    void aDismissalCoversWhatWasShownButNotANewTokenOrReason() {
        Dismissal d = new Dismissal();
        d.dismiss(Set.of("t1|EXPIRING", "t2|STALE"));
        assertThat(d.covers(Set.of("t1|EXPIRING", "t2|STALE"))).isTrue();
        assertThat(d.covers(Set.of("t1|EXPIRING"))).isTrue();
        assertThat(d.covers(Set.of())).isTrue();
        assertThat(d.covers(Set.of("t1|EXPIRING", "t3|ERROR"))).isFalse();
        assertThat(d.covers(Set.of("t1|REFUSED"))).isFalse();
    }

    @Test
    void aNewDismissalReplacesTheOldOne() {
        Dismissal d = new Dismissal();
        d.dismiss(Set.of("t1|EXPIRING"));
        d.dismiss(Set.of("t2|STALE"));
        assertThat(d.acknowledged()).containsExactly("t2|STALE");
        assertThat(d.covers(Set.of("t1|EXPIRING"))).isFalse();
    }

    @Test
    void aTokenThatRecoversAndFailsAgainIsRaisedAgain() {
        Dismissal d = new Dismissal();
        d.dismiss(Set.of("t1|STALE", "t2|EXPIRING"));
        assertThat(d.retainOnly(Set.of("t2|EXPIRING"))).isTrue(); // t1 was refreshed
        assertThat(d.retainOnly(Set.of("t2|EXPIRING"))).isFalse();
        assertThat(d.covers(Set.of("t1|STALE", "t2|EXPIRING"))).isFalse();
        assertThat(d.covers(Set.of("t2|EXPIRING"))).isTrue();
    }
}
