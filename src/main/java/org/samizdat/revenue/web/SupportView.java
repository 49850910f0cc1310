package org.samizdat.revenue.web;

import java.util.List;
import java.util.Map;
import org.samizdat.revenue.internal.GoalProgress;

/**
 * What the support page shows: the appeal and donor-safety note, the goal (null when none is set) with its figures
 * already formatted, the choices, the suggested amounts for the chosen frequency, what the reader typed and a
 * readable message per refused field.
 */
public record SupportView(String appeal, String note, GoalProgress goal, String goalText, List<String> frequencies,
        List<String> currencies, List<String> methods, List<String> suggested, Map<String, String> typed,
        Map<String, String> errors, String formError) {

    public String value(String field) {
        return typed.getOrDefault(field, "");
    }

    public boolean checked(String field, String value) {
        return value.equalsIgnoreCase(typed.getOrDefault(field, ""));
    }

    public String error(String field) {
        return errors.get(field);
    }
}
