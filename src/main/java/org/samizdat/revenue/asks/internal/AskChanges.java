package org.samizdat.revenue.asks.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.samizdat.revenue.asks.Ask;

/** What an edit changed in a variant, named by its form fields, for the audit log. */
final class AskChanges {

    private AskChanges() {
    }

    static List<String> fields(Ask before, Ask after) {
        List<String> changed = new ArrayList<>();
        add(changed, "name", before.name(), after.name());
        add(changed, "active", before.active(), after.active());
        add(changed, "headline", before.headline(), after.headline());
        add(changed, "body", before.body(), after.body());
        add(changed, "signature", before.signature(), after.signature());
        add(changed, "button", before.button(), after.button());
        add(changed, "amounts_once", before.amountsOnce(), after.amountsOnce());
        add(changed, "amounts_monthly", before.amountsMonthly(), after.amountsMonthly());
        add(changed, "amounts_annual", before.amountsAnnual(), after.amountsAnnual());
        add(changed, "methods", before.methods(), after.methods());
        add(changed, "show_goal", before.showGoal(), after.showGoal());
        return changed;
    }

    /** {@code banner/en #12 "name": headline, body} — the variant and the changed fields; never reader data. */
    static String subject(long id, Ask ask, List<String> fields) {
        String subject = ask.kind().code() + "/" + ask.language().code() + " #" + id + " \"" + ask.name() + "\"";
        return fields.isEmpty() ? subject : subject + ": " + String.join(", ", fields);
    }

    private static void add(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }
}
