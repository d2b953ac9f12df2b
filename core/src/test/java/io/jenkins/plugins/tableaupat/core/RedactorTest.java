package io.jenkins.plugins.tableaupat.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {
    @Test
    void masksEveryOccurrenceLongestFirst() {
        Redactor r = new Redactor("abcdef", "abc");
        assertThat(r.redact("x abcdef y abc z")).isEqualTo("x **** y **** z");
    }

    @Test
    void valuesAddedLaterAreMaskedToo() {
        Redactor r = new Redactor("secret-1");
        r.add("session-token");
        assertThat(r.redact("secret-1 / session-token")).isEqualTo("**** / ****");
    }

    @Test
    void ignoresNullAndTinyValues() {
        Redactor r = new Redactor(null, "a", "");
        assertThat(r.redact("a banana")).isEqualTo("a banana");
        assertThat(r.redact(null)).isNull();
    }
}
