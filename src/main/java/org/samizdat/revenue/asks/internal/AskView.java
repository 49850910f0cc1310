package org.samizdat.revenue.asks.internal;

import java.util.List;

/**
 * One ask variant ready for a page: escaped-by-template plain texts, the body already sanitised to HTML, and for
 * the support dialog its suggested amounts, currencies and payment methods.
 */
public record AskView(long id, String kind, String headline, String bodyHtml, String signature, String button,
        boolean showGoal, List<Currency> currencies, List<Preset> presets, List<String> methods) {

    /** A suggested amount for one frequency and currency, in whole major units. */
    public record Preset(String frequency, String currency, long amount) {
    }

    /** A currency the dialog offers, with the smallest and largest amount in major units and their words. */
    public record Currency(String code, String min, String max, String range) {
    }
}
