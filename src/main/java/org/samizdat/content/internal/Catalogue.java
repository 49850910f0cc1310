package org.samizdat.content.internal;

import org.samizdat.content.CatalogueChanged;
import org.samizdat.staff.AuditAction;
import org.samizdat.staff.AuditLog;
import org.samizdat.staff.StaffMember;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Newsroom edits to sections, tags and authors, each announced so pages showing their names are refreshed. */
@Service
public class Catalogue {

    private final CatalogRepository catalog;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    Catalogue(CatalogRepository catalog, ApplicationEventPublisher events, AuditLog audit) {
        this.catalog = catalog;
        this.events = events;
        this.audit = audit;
    }

    @Transactional
    public long saveSection(Long id, String slug, String nameEn, String nameRu, int position, StaffMember who) {
        long saved = catalog.saveSection(id, slug, nameEn, nameRu, position);
        events.publishEvent(new CatalogueChanged("section", saved));
        audit.record(who, AuditAction.SECTION_SAVED, nameEn + " / " + nameRu + " (/" + slug + ")");
        return saved;
    }

    @Transactional
    public long saveAuthor(Long id, String slug, String name, String bio, Long photoId, StaffMember who) {
        long saved = catalog.saveAuthor(id, slug, name, bio, photoId);
        events.publishEvent(new CatalogueChanged("author", saved));
        audit.record(who, AuditAction.AUTHOR_SAVED, name + " (/" + slug + ")");
        return saved;
    }

    @Transactional
    public void renameTag(long id, String name, StaffMember who) {
        catalog.renameTag(id, name);
        events.publishEvent(new CatalogueChanged("tag", id));
        audit.record(who, AuditAction.TAG_RENAMED, name + " (#" + id + ")");
    }
}
