package io.jenkins.plugins.tableaupat.cli;

import io.jenkins.plugins.tableaupat.core.TableauException;
import io.jenkins.plugins.tableaupat.core.TokenSecret;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a token secret comes from, without it ever having to be on the command line (which leaks it
 * to {@code ps} and shell history): an environment variable, a file, or the first line of stdin.
 * Resolution errors name the source, never the value.
 */
final class SecretSource {
    /** Read when no source is given. */
    static final String DEFAULT_ENV = "TABLEAU_PAT_SECRET";
    /** A secret file larger than this is not a secret file. */
    private static final long MAX_FILE_BYTES = 64 * 1024;

    enum Kind { ENV, FILE, STDIN, LITERAL }

    private final Kind kind;
    private final String where;
    private final String literal;

    private SecretSource(Kind kind, String where) {
        this(kind, where, null);
    }

    private SecretSource(Kind kind, String where, String literal) {
        this.kind = kind;
        this.where = where;
        this.literal = literal;
    }

    static SecretSource env(String name) {
        if (name == null || name.isBlank()) {
            throw new CliUsageException("the environment variable name for the secret is empty");
        }
        return new SecretSource(Kind.ENV, name.strip());
    }

    static SecretSource file(Path path) {
        return new SecretSource(Kind.FILE, path.toString());
    }

    static SecretSource stdin() {
        return new SecretSource(Kind.STDIN, "stdin");
    }

    /** A value given inline (a positional argument, or a fleet file's {@code literal:}). */
    static SecretSource literal(String value, String where) {
        return new SecretSource(Kind.LITERAL, where, value);
    }

    Kind kind() {
        return kind;
    }

    /** Where the secret comes from, for messages, e.g. "environment variable TABLEAU_PAT_SECRET". */
    String describe() {
        switch (kind) {
            case ENV:
                return "environment variable " + where;
            case FILE:
                return "secret file " + where;
            case STDIN:
                return "stdin";
            default:
                return where;
        }
    }

    /**
     * Reads and validates the secret and registers it for masking in all output. A trailing line break
     * (as left by {@code echo} or an editor) is removed; any other surrounding white space is refused.
     */
    TokenSecret resolve(CliContext ctx) {
        String raw = readRaw(ctx);
        if (raw == null) {
            throw new CliUsageException(describe() + " is not set: "
                    + (kind == Kind.ENV ? "export " + where + "=<the token secret>" : "give the token secret")
                    + (kind == Kind.ENV && where.equals(DEFAULT_ENV) ? ", or use --secret-file PATH or --secret-stdin" : ""));
        }
        String value = stripLineBreak(raw);
        ctx.registerSecret(value);
        ctx.registerSecret(value.strip());
        try {
            return TokenSecret.of(value);
        } catch (TableauException e) {
            throw new CliUsageException(e.getMessage() + " (from " + describe() + ")");
        }
    }

    private String readRaw(CliContext ctx) {
        switch (kind) {
            case ENV:
                return ctx.env(where);
            case FILE:
                return readFile(Path.of(where));
            case STDIN:
                return readFirstLine(ctx.stdin());
            default:
                return literal;
        }
    }

    private String readFile(Path path) {
        try {
            if (Files.isDirectory(path)) {
                throw new CliUsageException(describe() + " is a directory, not a file");
            }
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw new CliUsageException(describe() + " is larger than 64 KB: it should hold only the secret");
            }
            String text = Files.readString(path, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            // Only the first line counts; a trailing newline is usual.
            if (nl >= 0 && !text.substring(nl + 1).isBlank()) {
                throw new CliUsageException(describe() + " has more than one line: it should hold only the secret");
            }
            return nl >= 0 ? text.substring(0, nl + 1) : text;
        } catch (NoSuchFileException e) {
            throw new CliUsageException(describe() + " does not exist");
        } catch (IOException e) {
            throw new CliUsageException(describe() + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String readFirstLine(InputStream in) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line = reader.readLine();
            if (line == null) {
                throw new CliUsageException("stdin is empty: pipe the token secret in, e.g. --secret-stdin < file");
            }
            return line;
        } catch (IOException e) {
            throw new CliUsageException("stdin cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String stripLineBreak(String s) {
        String v = s;
        if (v.endsWith("\n")) {
            v = v.substring(0, v.length() - 1);
        }
        if (v.endsWith("\r")) {
            v = v.substring(0, v.length() - 1);
        }
        return v;
    }
}
