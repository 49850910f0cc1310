package org.samizdat.revenue.asks;

import org.samizdat.shared.Language;

/**
 * One variant of an ask as the newsroom wrote it: plain-text headline, signature and button label, the body as
 * limited Markdown, and for the support dialog its suggested amounts per frequency and its payment methods.
 * The id is the variant id readers' browsers report and donations carry.
 */
public record Ask(
        long id,
        AskKind kind,
        Language language,
        String name,
        boolean active,
        String headline,
        String body,
        String signature,
        String button,
        String amountsOnce,
        String amountsMonthly,
        String amountsAnnual,
        String methods,
        boolean showGoal) {

    /** The amounts text an editor wrote for a frequency ({@code once}, {@code monthly}, {@code annual}). */
    public String amounts(String frequency) {
        return switch (frequency) {
            case "once" -> amountsOnce;
            case "monthly" -> amountsMonthly;
            case "annual" -> amountsAnnual;
            default -> "";
        };
    }
}
