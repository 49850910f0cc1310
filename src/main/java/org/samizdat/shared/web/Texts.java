package org.samizdat.shared.web;

import gg.jte.support.LocalizationSupport;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** The site's words in one language, looked up from the message bundles for templates. */
public record Texts(MessageSource messages, Locale locale) implements LocalizationSupport {

    @Override
    public String lookup(String key) {
        return messages.getMessage(key, null, key, locale);
    }

    /** The message for the key with its {0}-style arguments filled in (plain text, escaped by the template). */
    public String get(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
