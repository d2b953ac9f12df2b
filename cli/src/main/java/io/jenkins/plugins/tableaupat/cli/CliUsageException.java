package io.jenkins.plugins.tableaupat.cli;

/**
 * A problem with what the user gave us (options, secret source, fleet file), found before anything
 * was sent. Printed as {@code error: <message>} and ends the run with {@link ExitCode#USAGE}. The
 * message never contains a secret.
 */
final class CliUsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CliUsageException(String message) {
        super(message, null, false, false);
    }
}
