package org.samizdat.newsletter.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.samizdat.mail.MailProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits the fences of all sending threads of a node together (group commit). A thread about to end its
 * message waits while another thread's group is being committed; whoever finds no commit running takes every
 * fence waiting, its own included, into one transaction. A commit wakes only its own group's threads and the
 * first one waiting, who commits the next group. Each message still waits for its row to be committed as its
 * batch's row in flight before its final dot, so nothing about exactly-once changes, but the database sees one
 * commit per group instead of one per message, and sending threads stop queueing for it one by one.
 */
@Component
class Fences {

    /** One thread's fence: its row, and the rows its relay already accepted (they become SENT). */
    private static final class Pending {
        final DeliveryRepository.Fence fence;
        final List<Long> confirmed;
        final Condition turn;
        boolean done;
        boolean held;
        RuntimeException failure;

        Pending(DeliveryRepository.Fence fence, List<Long> confirmed, Condition turn) {
            this.fence = fence;
            this.confirmed = confirmed;
            this.turn = turn;
        }
    }

    private final DeliveryRepository deliveries;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration lease;
    private final String domain;
    private final ReentrantLock lock = new ReentrantLock();
    private List<Pending> waiting = new ArrayList<>();
    private boolean committing;

    Fences(DeliveryRepository deliveries, TransactionTemplate transactions, Clock clock, SendingProperties sending,
            MailProperties mail) {
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.clock = clock;
        this.lease = sending.lease();
        this.domain = mail.domain();
    }

    /**
     * Returns once the row is committed as its batch's row in flight, the batch's lease renewed (true), or refused
     * (false: another worker holds the batch, the row is no longer queued, or the subscription ended); rows in
     * {@code confirmed} are committed SENT in the same transaction. Throws when the transaction fails; nothing of it
     * is then committed.
     */
    boolean fence(long batch, long id, String worker, List<Long> confirmed) {
        Pending mine = new Pending(new DeliveryRepository.Fence(batch, id, worker), List.copyOf(confirmed),
                lock.newCondition());
        while (true) {
            List<Pending> group;
            lock.lock();
            try {
                if (!mine.done && !waiting.contains(mine)) {
                    waiting.add(mine);
                }
                while (committing && !mine.done) {
                    mine.turn.awaitUninterruptibly();
                }
                if (mine.done) {
                    if (mine.failure != null) {
                        throw mine.failure;
                    }
                    return mine.held;
                }
                committing = true;
                group = waiting;
                waiting = new ArrayList<>();
            } finally {
                lock.unlock();
            }
            commit(group);
        }
    }

    private void commit(List<Pending> group) {
        group.sort(Comparator.comparingLong(p -> p.fence.id()));
        RuntimeException failure = null;
        boolean[] held = new boolean[group.size()];
        try {
            List<Long> confirmed = group.stream().flatMap(p -> p.confirmed.stream()).sorted().toList();
            List<DeliveryRepository.Fence> fences = group.stream().map(p -> p.fence).toList();
            transactions.executeWithoutResult(status -> {
                Instant now = clock.instant();
                boolean[] result = deliveries.fenceAll(fences, confirmed, now, now.plus(lease), domain);
                System.arraycopy(result, 0, held, 0, held.length);
            });
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            lock.lock();
            try {
                for (int i = 0; i < group.size(); i++) {
                    Pending pending = group.get(i);
                    pending.failure = failure;
                    pending.held = held[i];
                    pending.done = true;
                    pending.turn.signal();
                }
                committing = false;
                if (!waiting.isEmpty()) {
                    waiting.get(0).turn.signal();
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
