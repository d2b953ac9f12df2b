package io.jenkins.plugins.tableaupat.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetFileTest {
    static final String SECRET = "fl33t-Literal-S3cret==";

    @TempDir
    Path dir;

    private Path write(String perms, String... lines) throws IOException {
        Path f = dir.resolve("fleet.csv");
        Files.write(f, List.of(lines));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
        return f;
    }

    @Test
    void readsFieldsCommentsHeaderDefaultSiteAndOptions() throws IOException {
        Path f = write("rw-r--r--",
                "# my tokens",
                "server, site, tokenName, secretRef",
                "",
                "https://10ax.online.tableau.com, acme, jenkins, env:ACME_SECRET",
                "https://tableau.example.com,,backup,file:backup.secret, threshold=14, deployment=server",
                "  https://tableau.example.com , hr , etl , env:HR , apiVersion=3.21  ");
        List<FleetFile.Entry> entries = FleetFile.read(f);
        assertThat(entries).hasSize(3);
        FleetFile.Entry first = entries.get(0);
        assertThat(first.line()).isEqualTo(4);
        assertThat(first.server()).isEqualTo("https://10ax.online.tableau.com");
        assertThat(first.site()).isEqualTo("acme");
        assertThat(first.tokenName()).isEqualTo("jenkins");
        assertThat(first.secret().describe()).isEqualTo("environment variable ACME_SECRET");
        FleetFile.Entry second = entries.get(1);
        assertThat(second.site()).isEmpty();
        assertThat(second.secret().describe()).isEqualTo("secret file " + dir.resolve("backup.secret"));
        assertThat(second.options()).containsEntry("threshold", "14").containsEntry("deployment", "server");
        assertThat(entries.get(2).options()).containsEntry("apiVersion", "3.21");
        assertThat(entries.get(2).label()).isEqualTo("[line 6 etl@hr]");
    }

    @Test
    void everyBadLineIsNamedAndNoValueIsEchoed() throws IOException {
        Path f = write("rw-r--r--",
                "https://a.example.com, s, t1, env:A",
                "https://a.example.com, s, t2",
                "https://a.example.com, s, t3, " + SECRET,
                ", s, t4, env:X",
                "https://a.example.com, s, , env:X",
                "https://a.example.com, s, t6, env:X, colour=blue",
                "https://a.example.com, s, t7, env:",
                "https://a.example.com, s, t8, env:X, " + SECRET,
                "https://a.example.com, s, t9, env:X, s3cretWithoutEquals");
        assertThatThrownBy(() -> FleetFile.read(f))
                .isInstanceOf(CliUsageException.class)
                .hasMessageContaining("8 problems")
                .hasMessageContaining("line 2: expected server,site,tokenName,secretRef (4 comma-separated fields), found 3")
                .hasMessageContaining("line 3: the secret reference (field 4) must be env:VAR, file:PATH or literal:SECRET")
                .hasMessageContaining("line 4: the server (field 1) is empty")
                .hasMessageContaining("line 5: the token name (field 3) is empty")
                .hasMessageContaining("line 6: unknown option 'colour'")
                .hasMessageContaining("line 7: env: needs a variable name")
                .hasMessageContaining("line 8: unknown option (not shown: it may be a secret) in field 5")
                .hasMessageContaining("line 9: field 5 must be key=value (the value is not shown")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("S3cret")
                        .doesNotContain("s3cretWithoutEquals"));
    }

    @Test
    void literalSecretNeedsOwnerOnlyPermissions() throws IOException {
        Path f = write("rw-r--r--", "https://a.example.com, s, t1, env:A",
                "https://a.example.com, s, t2, literal:" + SECRET);
        assertThatThrownBy(() -> FleetFile.read(f))
                .isInstanceOf(CliUsageException.class)
                .hasMessageContaining("line 2: a literal: secret is only allowed when the fleet file is readable by"
                        + " its owner alone, but its permissions are rw-r--r--: run chmod 600")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
    }

    @Test
    void literalSecretIsAcceptedAt600And400() throws IOException {
        for (String perms : List.of("rw-------", "r--------")) {
            Path f = dir.resolve("fleet-" + perms.replace('-', '_') + ".csv");
            Files.write(f, List.of("https://a.example.com, s, t1, literal:" + SECRET));
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
            List<FleetFile.Entry> entries = FleetFile.read(f);
            assertThat(entries).hasSize(1);
            assertThat(entries.get(0).secret().describe()).isEqualTo("the literal secret on line 1")
                    .doesNotContain(SECRET);
        }
    }

    @Test
    void emptyOrMissingFileIsRefused() throws IOException {
        Path f = write("rw-r--r--", "# nothing yet", "");
        assertThatThrownBy(() -> FleetFile.read(f)).hasMessageContaining("lists no tokens");
        assertThatThrownBy(() -> FleetFile.read(dir.resolve("nope.csv"))).hasMessageContaining("does not exist");
    }
}
