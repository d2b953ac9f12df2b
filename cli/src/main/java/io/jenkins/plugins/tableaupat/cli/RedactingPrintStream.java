package io.jenkins.plugins.tableaupat.cli;

import io.jenkins.plugins.tableaupat.core.Redactor;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A print stream that masks registered secrets line by line before they reach the real stream.
 * Text is held until a line ends (or the stream is flushed), so a secret is never split across two
 * writes. Thread-safe: lines from parallel fleet workers do not interleave.
 */
final class RedactingPrintStream extends PrintStream {
    RedactingPrintStream(PrintStream target, Redactor redactor) {
        super(new LineRedactor(target, redactor), true, StandardCharsets.UTF_8);
    }

    private static final class LineRedactor extends OutputStream {
        private final PrintStream target;
        private final Redactor redactor;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineRedactor(PrintStream target, Redactor redactor) {
            this.target = target;
            this.redactor = redactor;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                emit();
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        @Override
        public synchronized void flush() {
            emit();
            target.flush();
        }

        private void emit() {
            if (line.size() > 0) {
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                target.print(redactor.redact(text));
            }
        }
    }
}
