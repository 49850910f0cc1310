package org.samizdat.revenue.asks;

import java.util.List;

/**
 * What the payment side accepts, which every support dialog must stay within: currencies, payment methods and
 * the smallest and largest amount in whole major units.
 */
public record AskLimits(List<String> currencies, List<String> methods, long min, long max) {
}
