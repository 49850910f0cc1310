package org.samizdat.content.internal;

import org.samizdat.content.CatalogueChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Newsroom edits to sections, tags and authors, each announced so pages showing their names are refreshed. */
@Service
public class Catalogue {

    private final CatalogRepository catalog;
    private final ApplicationEventPublisher events;

    Catalogue(CatalogRepository catalog, ApplicationEventPublisher events) {
        this.catalog = catalog;
        this.events = events;
    }

    @Transactional
    public long saveSection(Long id, String slug, String nameEn, String nameRu, int position) {
        long saved = catalog.saveSection(id, slug, nameEn, nameRu, position);
        events.publishEvent(new CatalogueChanged("section", saved));
        return saved;
    }

    @Transactional
    public long saveAuthor(Long id, String slug, String name, String bio, Long photoId) {
        long saved = catalog.saveAuthor(id, slug, name, bio, photoId);
        events.publishEvent(new CatalogueChanged("author", saved));
        return saved;
    }

    @Transactional
    public void renameTag(long id, String name) {
        catalog.renameTag(id, name);
        events.publishEvent(new CatalogueChanged("tag", id));
    }
}
