package org.samizdat.shared.web;

import org.samizdat.shared.Language;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Builds {@link PageMeta} for a page so every module's pages share one layout and one set of words. */
@Component
public class Pages {

    private final MessageSource messages;
    private final SiteProperties site;
    private final ObjectProvider<PagePart> parts;

    Pages(MessageSource messages, SiteProperties site, ObjectProvider<PagePart> parts) {
        this.messages = messages;
        this.site = site;
        this.parts = parts;
    }

    public PageMeta page(Language language, String title, String description, String path) {
        return new PageMeta(language, texts(language), site.name(language), title, description, path,
                site.canonicalOrigin(), null, "website", null, null, false,
                new PageParts(language, parts.orderedStream().toList()));
    }

    public Texts texts(Language language) {
        return new Texts(messages, language.locale());
    }

    public Language defaultLanguage() {
        return Language.fromCode(site.defaultLanguage()).orElse(Language.EN);
    }

    public SiteProperties site() {
        return site;
    }
}
