package org.samizdat.revenue.asks.internal;

import java.util.List;
import org.samizdat.shared.Language;
import org.samizdat.shared.web.Texts;

/** Everything the ask templates of one language need; the same for every reader, so pages stay cacheable. */
public record AskPage(Language language, Texts t, String siteName, String supportPath, String checkoutPath,
        AskSettings settings, List<AskView> notices, List<AskView> banners, List<AskView> stories,
        List<AskView> modals, String safetyNote) {

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
