package org.samizdat.revenue.asks.internal;

import java.util.List;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.Texts;

/**
 * Everything the ask templates of one language need; the same for every reader, so pages stay cacheable. {@code goal}
 * says whether a monthly goal is set (the banner then keeps a line for its progress); {@code gate} is the inline
 * script that places the reader's asks while the page is parsed.
 */
public record AskPage(Language language, Texts t, String siteName, String supportPath, String checkoutPath,
        AskSettings settings, List<AskView> notices, List<AskView> banners, List<AskView> stories,
        List<AskView> modals, String safetyNote, boolean goal, String gate) {

    public String lang() {
        return language.code();
    }

    /** The words of a payment method: its message when there is one, else its name. */
    public String method(String method) {
        String key = "asks.method." + method;
        String label = t.get(key);
        return label.equals(key) ? method : label;
    }
}
