package io.jenkins.plugins.tableaupat.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a fleet file: one token per line,
 * <pre>
 * # server, site, token name, secret reference [, key=value ...]
 * https://10ax.online.tableau.com, acme, jenkins, env:ACME_PAT_SECRET
 * https://tableau.example.com,     ,     backup,  file:/etc/tableau/backup.secret, threshold=14
 * https://tableau.corp.example,   hr,    etl,     literal:abc==:xyz,  deployment=cloud
 * </pre>
 * Fields are separated by commas and trimmed; an empty site is the Default site; {@code #} starts a
 * comment line; an optional header line {@code server,site,tokenName,secretRef} is skipped. The
 * secret reference is {@code env:VAR}, {@code file:PATH} (relative to the fleet file) or
 * {@code literal:SECRET}, the last only when the fleet file is readable by its owner alone (chmod 600
 * or 400). Optional fields: {@code threshold=DAYS}, {@code deployment=auto|cloud|server},
 * {@code apiVersion=X.Y}. Errors name the line and never echo a value that may be a secret.
 */
final class FleetFile {
    static final String HEADER = "server,site,tokenName,secretRef";
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,30}");
    private static final Pattern SHOWABLE_KEY = Pattern.compile("[A-Za-z][A-Za-z_-]{0,19}");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /** One token of the fleet, as written on its line (values not validated yet). */
    record Entry(int line, String server, String site, String tokenName, SecretSource secret,
            Map<String, String> options) {
        String label() {
            return "[line " + line + " " + tokenName + (site.isEmpty() ? "" : "@" + site) + "]";
        }
    }

    private FleetFile() {
    }

    /** Parses the file; any syntax or permission problem is a {@link CliUsageException} listing every bad line. */
    static List<Entry> read(Path path) {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliUsageException("fleet file " + path + " does not exist");
        } catch (IOException e) {
            throw new CliUsageException("fleet file " + path + " cannot be read (" + e.getClass().getSimpleName()
                    + ")");
        }
        return parse(path, lines);
    }

    static List<Entry> parse(Path path, List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Path dir = path.toAbsolutePath().getParent();
        String ownerOnly = null;
        boolean headerAllowed = true;
        for (int i = 0; i < lines.size(); i++) {
            int no = i + 1;
            String text = lines.get(i).strip();
            if (i == 0 && text.startsWith("\uFEFF")) {
                text = text.substring(1).strip();
            }
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (headerAllowed && text.replace(" ", "").equalsIgnoreCase(HEADER)) {
                headerAllowed = false;
                continue;
            }
            headerAllowed = false;
            String[] f = text.split(",", -1);
            if (f.length < 4) {
                errors.add("line " + no + ": expected " + HEADER + " (4 comma-separated fields), found " + f.length);
                continue;
            }
            String server = f[0].strip();
            String site = f[1].strip();
            String name = f[2].strip();
            String ref = f[3].strip();
            if (server.isEmpty()) {
                errors.add("line " + no + ": the server (field 1) is empty");
                continue;
            }
            if (name.isEmpty()) {
                errors.add("line " + no + ": the token name (field 3) is empty");
                continue;
            }
            SecretSource secret;
            if (ref.startsWith("env:")) {
                String var = ref.substring(4).strip();
                if (var.isEmpty()) {
                    errors.add("line " + no + ": env: needs a variable name, e.g. env:TABLEAU_PAT_SECRET");
                    continue;
                }
                secret = SecretSource.env(var);
            } else if (ref.startsWith("file:")) {
                String file = ref.substring(5).strip();
                if (file.isEmpty()) {
                    errors.add("line " + no + ": file: needs a path");
                    continue;
                }
                secret = SecretSource.file(dir == null ? Path.of(file) : dir.resolve(file));
            } else if (ref.startsWith("literal:")) {
                if (ownerOnly == null) {
                    ownerOnly = ownerOnlyProblem(path);
                }
                if (!ownerOnly.isEmpty()) {
                    errors.add("line " + no + ": a literal: secret is only allowed when the fleet file is readable"
                            + " by its owner alone, " + ownerOnly + ": run chmod 600 " + path
                            + ", or use env: or file:");
                    continue;
                }
                secret = SecretSource.literal(ref.substring(8), "the literal secret on line " + no);
            } else {
                errors.add("line " + no + ": the secret reference (field 4) must be env:VAR, file:PATH or"
                        + " literal:SECRET (the value is not shown: it may be a secret)");
                continue;
            }
            Map<String, String> options = new LinkedHashMap<>();
            String problem = null;
            for (int k = 4; k < f.length && problem == null; k++) {
                String opt = f[k].strip();
                if (opt.isEmpty()) {
                    continue;
                }
                int eq = opt.indexOf('=');
                String key = eq < 0 ? opt : opt.substring(0, eq).strip();
                if (!KEY.matcher(key).matches() || (eq < 0 && !SHOWABLE_KEY.matcher(key).matches())) {
                    problem = "field " + (k + 1) + " must be key=value (the value is not shown: it may be a secret)";
                } else if (eq < 0) {
                    problem = "field " + (k + 1) + " '" + key + "' needs a value: " + key + "=...";
                } else {
                    String canonical = canonicalKey(key);
                    if (canonical == null) {
                        // Echo only what looks like a mistyped word, never something that may be a secret.
                        problem = "unknown option " + (SHOWABLE_KEY.matcher(key).matches() ? "'" + key + "'"
                                : "(not shown: it may be a secret)") + " in field " + (k + 1)
                                + ": use threshold=DAYS, deployment=auto|cloud|server or apiVersion=X.Y";
                    } else {
                        options.put(canonical, opt.substring(eq + 1).strip());
                    }
                }
            }
            if (problem != null) {
                errors.add("line " + no + ": " + problem);
                continue;
            }
            entries.add(new Entry(no, server, site, name, secret, options));
        }
        if (!errors.isEmpty()) {
            throw new CliUsageException("fleet file " + path + ": " + (errors.size() == 1 ? errors.get(0)
                    : errors.size() + " problems:" + System.lineSeparator() + "  "
                            + String.join(System.lineSeparator() + "  ", errors)));
        }
        if (entries.isEmpty()) {
            throw new CliUsageException("fleet file " + path + " lists no tokens (format: " + HEADER + ")");
        }
        return entries;
    }

    private static String canonicalKey(String key) {
        switch (key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
            case "threshold":
            case "thresholddays":
            case "agethreshold":
                return "threshold";
            case "deployment":
                return "deployment";
            case "apiversion":
                return "apiVersion";
            default:
                return null;
        }
    }

    /** "" when only the owner may read the file; otherwise why not. */
    private static String ownerOnlyProblem(Path path) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
            Set<PosixFilePermission> extra = EnumSet.noneOf(PosixFilePermission.class);
            extra.addAll(perms);
            extra.retainAll(GROUP_OR_OTHERS);
            return extra.isEmpty() ? "" : "but its permissions are " + PosixFilePermissions.toString(perms);
        } catch (UnsupportedOperationException e) {
            return "but this file system has no POSIX permissions to check";
        } catch (IOException e) {
            return "but its permissions cannot be read (" + e.getClass().getSimpleName() + ")";
        }
    }
}
