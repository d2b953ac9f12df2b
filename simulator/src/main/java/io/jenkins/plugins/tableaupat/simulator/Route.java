package io.jenkins.plugins.tableaupat.simulator;

/** The REST resources a {@link Fault} can target. */
public enum Route {
    SERVERINFO,
    SIGNIN,
    SIGNOUT,
    LIST_PATS,
    SITES,
    /** Every request on the main listener, including unknown paths. */
    ANY;

    boolean matches(Route actual) {
        return this == ANY || this == actual;
    }
}
