package io.jenkins.plugins.tableaupat.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A site's content URL: the segment after /site/ in the browser address ("" is the Default site on
 * Tableau Server). Validated so that a pasted path or URL gets a precise correction.
 */
public final class SiteContentUrl {
    private static final Pattern SITE_SEGMENT = Pattern.compile("(?:^|[/#])(?:site|t)/([^/?#\\s]+)");

    private SiteContentUrl() {
    }

    /** Returns the validated content URL ("" for the Default site). */
    public static String parse(String text) {
        if (text == null) {
            return "";
        }
        String site = text.strip();
        if (site.contains("://")) {
            throw TableauException.invalidInput("Site '" + site + "' is a URL: put the address in the server URL"
                    + " and only the site's content URL (the part after /site/) here");
        }
        if (site.chars().anyMatch(Character::isWhitespace)) {
            throw TableauException.invalidInput("Site '" + site
                    + "' contains spaces: use the site's content URL (the part after /site/ in the browser address),"
                    + " not its display name");
        }
        if (site.indexOf('/') >= 0 || site.indexOf('#') >= 0 || site.indexOf('\\') >= 0 || site.indexOf('?') >= 0) {
            Matcher m = SITE_SEGMENT.matcher(site);
            String suggestion = m.find() ? "use '" + m.group(1) + "'" : "use only the part after /site/ in the browser address";
            throw TableauException.invalidInput("Site '" + site + "' must be the site's content URL without slashes: "
                    + suggestion);
        }
        return site;
    }
}
