package io.jenkins.plugins.tableaupat.simulator;

/**
 * A request path (prefix already removed) split into route, version and path parameters. Literal segments
 * match case-insensitively because clients use both {@code serverinfo} and {@code serverInfo}.
 *
 * @param route   the resource, or {@code null} for an unknown path
 * @param version the raw version segment, or {@code null} when the path is not under {@code /api/}
 * @param siteId  site id of the PAT list path
 * @param userId  user id of the PAT list path
 */
record ApiPath(Route route, String version, String siteId, String userId) {

    static ApiPath parse(String path) {
        String[] s = path.split("/", -1);
        // s[0] is the empty string before the leading slash.
        if (s.length < 4 || !s[0].isEmpty() || !s[1].equalsIgnoreCase("api")) {
            return new ApiPath(null, null, null, null);
        }
        String version = s[2];
        int n = s.length - 3;
        Route route = null;
        String siteId = null;
        String userId = null;
        if (n == 1 && s[3].equalsIgnoreCase("serverinfo")) {
            route = Route.SERVERINFO;
        } else if (n == 2 && s[3].equalsIgnoreCase("auth") && s[4].equalsIgnoreCase("signin")) {
            route = Route.SIGNIN;
        } else if (n == 2 && s[3].equalsIgnoreCase("auth") && s[4].equalsIgnoreCase("signout")) {
            route = Route.SIGNOUT;
        } else if (n == 1 && s[3].equalsIgnoreCase("sites")) {
            route = Route.SITES;
        } else if (n == 5 && s[3].equalsIgnoreCase("sites") && s[5].equalsIgnoreCase("users")
                && s[7].equalsIgnoreCase("personal-access-tokens") && !s[4].isEmpty() && !s[6].isEmpty()) {
            route = Route.LIST_PATS;
            siteId = s[4];
            userId = s[6];
        }
        return new ApiPath(route, version, siteId, userId);
    }
}
