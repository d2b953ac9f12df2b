package io.jenkins.plugins.tableaupat.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeToExpirationTest {
    @Test
    void readsDaysHoursMinutes() {
        assertThat(TimeToExpiration.parse("177:05:38")).isEqualTo(Duration.ofDays(177).plusHours(5).plusMinutes(38));
        assertThat(TimeToExpiration.parse(" 364:00:42 ")).isEqualTo(Duration.ofDays(364).plusMinutes(42));
        assertThat(TimeToExpiration.parse("0:00:00")).isEqualTo(Duration.ZERO);
    }

    @Test
    void anythingElseIsUnknown() {
        assertThat(TimeToExpiration.parse(null)).isNull();
        assertThat(TimeToExpiration.parse("")).isNull();
        assertThat(TimeToExpiration.parse("239:59:59")).isNull(); // hours field 59: not D:HH:MM
        assertThat(TimeToExpiration.parse("P30D")).isNull();
        assertThat(TimeToExpiration.parse("12:30")).isNull();
        assertThat(TimeToExpiration.parse("-1:00:00")).isNull();
    }
}
