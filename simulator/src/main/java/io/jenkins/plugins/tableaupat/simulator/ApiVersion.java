package io.jenkins.plugins.tableaupat.simulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A REST API version {@code major.minor}, compared numerically so that 3.9 is below 3.10. */
record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})");

    static final ApiVersion SERVER_INFO_MIN = new ApiVersion(2, 4);
    static final ApiVersion PAT_SIGN_IN_MIN = new ApiVersion(3, 6);

    /** The version, or {@code null} when the text is not {@code N.N}. */
    static ApiVersion parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text);
        return m.matches() ? new ApiVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))) : null;
    }

    @Override
    public int compareTo(ApiVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    boolean below(ApiVersion o) {
        return compareTo(o) < 0;
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
