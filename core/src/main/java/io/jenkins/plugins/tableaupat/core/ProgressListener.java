package io.jenkins.plugins.tableaupat.core;

/**
 * Where the engine reports progress. The Jenkins plugin writes to the build log, the CLI to stderr.
 * Lines arrive already redacted.
 */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void info(String line) {
        }

        @Override
        public void warn(String line) {
        }
    };

    void info(String line);

    void warn(String line);
}
