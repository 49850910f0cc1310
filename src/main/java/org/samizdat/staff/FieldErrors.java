package org.samizdat.staff;

import java.util.LinkedHashMap;
import java.util.Map;
import org.samizdat.shared.web.Texts;

/**
 * Readable messages next to the fields of a newsroom form, in the staff member's language. The checks
 * cover what every form needs (required, maximum length); anything else is added by key.
 */
public final class FieldErrors {

    private final Texts t;
    private final Map<String, String> messages = new LinkedHashMap<>();

    public FieldErrors(Texts t) {
        this.t = t;
    }

    public static FieldErrors none(Texts t) {
        return new FieldErrors(t);
    }

    /** Adds the message for {@code key} to the field unless it already has one. */
    public FieldErrors add(String field, String key, Object... args) {
        messages.putIfAbsent(field, t.get(key, args));
        return this;
    }

    public FieldErrors required(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "newsroom.error.required");
        }
        return this;
    }

    public FieldErrors maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "newsroom.error.tooLong", max, value.length());
        }
        return this;
    }

    public boolean has(String field) {
        return messages.containsKey(field);
    }

    public String get(String field) {
        return messages.get(field);
    }

    /** {@code "true"} when the field has a message, else null, so a template leaves {@code aria-invalid} out. */
    public String invalid(String field) {
        return has(field) ? "true" : null;
    }

    /**
     * The ids for the field's {@code aria-describedby}: its help texts, then its message (rendered with the id
     * {@code <field>-error}) when it has one; null when there is nothing to point at.
     */
    public String describedBy(String field, String... help) {
        String ids = String.join(" ", help);
        if (has(field)) {
            ids = (ids + " " + field + "-error").strip();
        }
        return ids.isEmpty() ? null : ids;
    }

    public boolean isEmpty() {
        return messages.isEmpty();
    }

    public Map<String, String> all() {
        return Map.copyOf(messages);
    }
}
