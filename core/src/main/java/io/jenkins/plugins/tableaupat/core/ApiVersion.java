package io.jenkins.plugins.tableaupat.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Tableau REST API version such as 3.6 or 3.28, compared numerically (3.9 &lt; 3.10). */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})");

    /** The version that introduced serverinfo; safe to call on any server. */
    public static final ApiVersion SERVER_INFO = new ApiVersion(2, 4);
    /** The version that introduced personal access token sign-in (Tableau Server 2019.4). */
    public static final ApiVersion PAT_SIGN_IN = new ApiVersion(3, 6);

    public static ApiVersion parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw TableauException.invalidInput("API version '" + (text == null ? "" : text.trim())
                    + "' is not of the form 3.21: leave it empty to use the server's own version");
        }
        return new ApiVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public boolean isBefore(ApiVersion other) {
        return compareTo(other) < 0;
    }

    @Override
    public int compareTo(ApiVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
