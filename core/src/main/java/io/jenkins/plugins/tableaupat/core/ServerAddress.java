package io.jenkins.plugins.tableaupat.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The base address of a Tableau Server or a Tableau Cloud pod, validated before any network call.
 * A path prefix (Tableau Server behind a reverse proxy) is kept; a browser address is refused with
 * the server and site parts it contains spelled out.
 */
public final class ServerAddress {
    static final String CLOUD_SUFFIX = ".online.tableau.com";
    private static final Pattern SITE_IN_FRAGMENT = Pattern.compile("^/?site/([^/?#]+)");
    private static final Pattern SITE_IN_PATH = Pattern.compile("(?:^|/)(?:site|t)/([^/?#]+)");
    private static final String EXAMPLE = "e.g. https://tableau.example.com or https://10ax.online.tableau.com";

    private final URI base;

    private ServerAddress(URI base) {
        this.base = base;
    }

    public static ServerAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw TableauException.invalidInput("Server URL is empty: set it to your Tableau address, " + EXAMPLE);
        }
        String raw = text.strip();
        if (raw.chars().anyMatch(Character::isWhitespace)) {
            throw TableauException.invalidInput("Server URL '" + raw + "' contains spaces: remove them");
        }
        int schemeEnd = raw.indexOf("://");
        if (schemeEnd < 0) {
            throw TableauException.invalidInput("Server URL '" + raw + "' has no scheme: write https://"
                    + raw.replaceFirst("^/+", ""));
        }
        String scheme = raw.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw TableauException.invalidInput("Server URL '" + raw + "' starts with " + scheme
                    + "://: use https:// (or http:// for a server without TLS)");
        }
        if (raw.length() == schemeEnd + 3) {
            throw TableauException.invalidInput("Server URL '" + raw + "' has no host name, " + EXAMPLE);
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw TableauException.invalidInput("Server URL '" + raw + "' is not a valid URL (" + e.getReason()
                    + "): use the address only, " + EXAMPLE);
        }
        if (uri.getRawUserInfo() != null) {
            // Never echo user info: it may be a password.
            throw TableauException.invalidInput(
                    "Server URL must not contain a user name or password: put the token in the credential instead");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw TableauException.invalidInput("Server URL '" + raw + "' has no host name, " + EXAMPLE);
        }
        host = host.toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String origin = scheme + "://" + host + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
        String prefix = path.replaceAll("/+$", "");

        checkNotBrowserAddress(raw, uri, origin, prefix);
        if (uri.getRawQuery() != null) {
            throw TableauException.invalidInput("Server URL '" + raw + "' has a query string: use "
                    + origin + prefix);
        }
        int api = (prefix + "/").indexOf("/api/");
        if (api >= 0) {
            throw TableauException.invalidInput("Server URL '" + raw + "' includes the REST path: use "
                    + origin + prefix.substring(0, api) + " (the part before /api/)");
        }
        if (isCloudFrontDoor(host)) {
            throw TableauException.invalidInput(host + " is the Tableau Cloud sign-in page, not your pod: use the"
                    + " host your browser shows after signing in, e.g. https://10ax.online.tableau.com");
        }
        if (host.endsWith(CLOUD_SUFFIX) && scheme.equals("http")) {
            throw TableauException.invalidInput("Tableau Cloud only accepts https: use https://" + host);
        }
        return new ServerAddress(URI.create(origin + prefix));
    }

    private static void checkNotBrowserAddress(String raw, URI uri, String origin, String prefix) {
        String fragment = uri.getRawFragment();
        String site = null;
        String server = origin + prefix;
        if (fragment != null) {
            Matcher m = SITE_IN_FRAGMENT.matcher(fragment);
            if (m.find()) {
                site = m.group(1);
            }
        } else {
            Matcher m = SITE_IN_PATH.matcher(prefix);
            if (!m.find()) {
                return;
            }
            site = m.group(1);
            server = origin + prefix.substring(0, m.start());
        }
        throw TableauException.invalidInput("Server URL '" + raw + "' is a browser address: use server URL '" + server
                + (site != null ? "' and site '" + site + "'" : "' and leave the site empty for the Default site"));
    }

    private static boolean isCloudFrontDoor(String host) {
        return host.equals("online.tableau.com") || host.equals("www.online.tableau.com")
                || host.equals("sso.online.tableau.com");
    }

    /** Whether the host is a Tableau Cloud pod (…online.tableau.com). */
    public boolean isCloudHost() {
        return base.getHost().endsWith(CLOUD_SUFFIX);
    }

    public boolean isHttps() {
        return "https".equals(base.getScheme());
    }

    public String host() {
        return base.getHost();
    }

    /** The base URI, without a trailing slash. */
    public URI uri() {
        return base;
    }

    /** The URI of a REST path such as "api/3.28/auth/signin", below the base (and its prefix). */
    public URI resolve(String relative) {
        return URI.create(base + "/" + relative);
    }

    @Override
    public String toString() {
        return base.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerAddress && ((ServerAddress) o).base.equals(base);
    }

    @Override
    public int hashCode() {
        return base.hashCode();
    }
}
