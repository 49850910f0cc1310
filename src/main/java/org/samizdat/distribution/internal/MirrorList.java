package org.samizdat.distribution.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.samizdat.shared.web.Mirrors;
import org.samizdat.shared.web.PagesChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The newsroom's mirror list: entries added, relabelled, reordered and retired by admins; the live ones read
 * on every page render from a snapshot that is refreshed on each change (and every minute, for changes made on
 * other nodes). A change re-renders every page, since the footer of each shows the list.
 */
@Service
public class MirrorList implements Mirrors {

    public static final int MAX_ENTRIES = 50;
    private static final Duration STALE = Duration.ofMinutes(1);

    private final MirrorRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private volatile Snapshot snapshot;

    MirrorList(MirrorRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** The live entries and when the list last changed (the epoch for a list never written). */
    public record Snapshot(List<MirrorEntry> live, Instant issuedAt, Instant readAt) {

        public Optional<MirrorEntry> onion() {
            return live.stream().filter(e -> e.kind().equals("onion")).findFirst();
        }
    }

    @Override
    public List<Mirror> live() {
        return snapshot().live().stream().map(MirrorEntry::mirror).toList();
    }

    public Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null || current.readAt().plus(STALE).isBefore(clock.instant())) {
            current = reload();
        }
        return current;
    }

    @Transactional(readOnly = true)
    public List<MirrorEntry> all() {
        return repository.all();
    }

    public Optional<MirrorEntry> find(long id) {
        return repository.find(id);
    }

    /** Adds a checked entry at the end of the list; false when the list is full. */
    @Transactional
    public boolean add(String kind, String address, String label) {
        if (repository.count() >= MAX_ENTRIES) {
            return false;
        }
        int last = repository.all().stream().mapToInt(MirrorEntry::position).max().orElse(0);
        repository.insert(kind, address, label, last + 1, clock.instant());
        changed();
        return true;
    }

    @Transactional
    public boolean update(long id, String label, int position, boolean live) {
        boolean updated = repository.update(id, label, position, live, clock.instant());
        if (updated) {
            changed();
        }
        return updated;
    }

    /** The snapshot is refreshed after commit and before the page cache hears of the change (lower order runs first). */
    private void changed() {
        snapshot = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    snapshot = null;
                }

                @Override
                public int getOrder() {
                    return Ordered.HIGHEST_PRECEDENCE;
                }
            });
        }
        events.publishEvent(PagesChanged.everyPage());
    }

    private synchronized Snapshot reload() {
        List<MirrorEntry> live = repository.all().stream().filter(MirrorEntry::live).toList();
        Instant last = repository.lastChange();
        Snapshot fresh = new Snapshot(live, last == null ? Instant.EPOCH : last, clock.instant());
        snapshot = fresh;
        return fresh;
    }
}
