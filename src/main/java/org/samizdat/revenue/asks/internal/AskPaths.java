package org.samizdat.revenue.asks.internal;

import org.samizdat.shared.Language;

/** The public addresses the asks point at. */
public final class AskPaths {

    public static final String CHECKOUT = "/support/checkout";
    public static final String GOAL = "/support/goal.json";
    public static final String BEACONS = "/support/asks";

    private AskPaths() {
    }

    /** The support page of a language edition, where every ask leads without JavaScript. */
    public static String support(Language language) {
        return "/" + language.code() + "/support";
    }
}
