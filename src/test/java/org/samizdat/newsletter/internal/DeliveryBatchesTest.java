package org.samizdat.newsletter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.samizdat.shared.privacy.PersonalData;
import org.samizdat.support.MailAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Batches as the sending threads see them: carved from an edition being sent without sharing a row, taken over after
 * their lease with the row in flight settled UNCONFIRMED (never resent), and given back DONE, or for a retry's time.
 * Each test runs in one transaction that is rolled back, so the running sending threads never see its edition.
 */
@MailAppTest
class DeliveryBatchesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalData personal;

    @Autowired
    Editions editions;

    @Autowired
    DeliveryBatches batches;

    @Autowired
    DeliveryRepository deliveries;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void batchesAreCarvedInOrderWithoutSharingARow() {
        inRolledBackTransaction(() -> {
            long edition = sendingEdition(5, "carve");
            DeliveryBatches.Lease a = batches.lease("w1", NOW, NOW.plusSeconds(300), 2).orElseThrow();
            DeliveryBatches.Lease b = batches.lease("w2", NOW, NOW.plusSeconds(300), 2).orElseThrow();
            DeliveryBatches.Lease c = batches.lease("w3", NOW, NOW.plusSeconds(300), 2).orElseThrow();

            assertThat(List.of(a.editionId(), b.editionId(), c.editionId())).containsOnly(edition);
            assertThat(ids(a)).hasSize(2);
            assertThat(ids(b)).hasSize(2).doesNotContainAnyElementsOf(ids(a));
            assertThat(ids(c)).hasSize(1).doesNotContainAnyElementsOf(ids(a)).doesNotContainAnyElementsOf(ids(b));
            assertThat(batches.lease("w4", NOW, NOW.plusSeconds(300), 2)).as("every row carved and leased").isEmpty();
        });
    }

    @Test
    void aBatchTakenOverAfterItsLeaseSettlesItsRowInFlightAndSendsTheRest() {
        inRolledBackTransaction(() -> {
            sendingEdition(3, "takeover");
            DeliveryBatches.Lease lease = batches.lease("dead", NOW, NOW.plusSeconds(300), 3).orElseThrow();
            List<Long> rows = ids(lease);
            // The first row went out and was confirmed; the second was in flight when its worker died.
            deliveries.fenceAll(List.of(new DeliveryRepository.Fence(lease.id(), rows.get(0), "dead")), List.of(), NOW,
                    NOW.plusSeconds(300), "bench.test");
            deliveries.fenceAll(List.of(new DeliveryRepository.Fence(lease.id(), rows.get(1), "dead")),
                    List.of(rows.get(0)), NOW, NOW.plusSeconds(300), "bench.test");

            assertThat(batches.lease("early", NOW.plusSeconds(60), NOW.plusSeconds(360), 3)).as("lease still running")
                    .isEmpty();
            DeliveryBatches.Lease taken = batches.lease("next", NOW.plusSeconds(301), NOW.plusSeconds(600), 3)
                    .orElseThrow();

            assertThat(taken.id()).isEqualTo(lease.id());
            assertThat(status(rows.get(0))).isEqualTo("SENT");
            assertThat(status(rows.get(1))).as("may have been accepted: never resent").isEqualTo("UNCONFIRMED");
            assertThat(deliveries.due(taken, NOW.plusSeconds(301))).extracting(DeliveryRepository.Claimed::id)
                    .containsExactly(rows.get(2));
            assertThat(deliveries.fenceAll(List.of(new DeliveryRepository.Fence(lease.id(), rows.get(2), "dead")),
                    List.of(), NOW, NOW, "bench.test")).as("the dead worker's fence").containsExactly(false);
        });
    }

    @Test
    void aBatchGoesBackForItsRetriesAndIsDoneWhenNothingIsQueued() {
        inRolledBackTransaction(() -> {
            sendingEdition(2, "retry");
            DeliveryBatches.Lease lease = batches.lease("w", NOW, NOW.plusSeconds(300), 2).orElseThrow();
            List<Long> rows = ids(lease);
            deliveries.fenceAll(List.of(new DeliveryRepository.Fence(lease.id(), rows.get(0), "w")), List.of(), NOW,
                    NOW.plusSeconds(300), "bench.test");
            deliveries.sent(List.of(rows.get(0)), NOW, "bench.test");
            deliveries.retry(rows.get(1), NOW.plusSeconds(30), "421");
            batches.giveBack(lease, "w", NOW);

            assertThat(batch(lease)).isEqualTo("QUEUED " + Timestamp.from(NOW.plusSeconds(30)).getTime() + " null");
            assertThat(batches.lease("w2", NOW.plusSeconds(10), NOW.plusSeconds(310), 2)).isEmpty();
            DeliveryBatches.Lease again = batches.lease("w2", NOW.plusSeconds(31), NOW.plusSeconds(331), 2)
                    .orElseThrow();
            assertThat(deliveries.due(again, NOW.plusSeconds(31))).extracting(DeliveryRepository.Claimed::attempts)
                    .as("the second attempt").containsExactly(2);
            deliveries.sent(List.of(rows.get(1)), NOW.plusSeconds(32), "bench.test");
            batches.giveBack(again, "w2", NOW.plusSeconds(32));
            assertThat(batch(lease)).startsWith("DONE ");
        });
    }

    private void inRolledBackTransaction(Runnable test) {
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            test.run();
        });
    }

    private long sendingEdition(int readers, String name) {
        long edition = editions.draft("weekly-en", "Batches " + name, "", "", List.of(), null);
        for (int i = 0; i < readers; i++) {
            QueuedReaders.queue(jdbc, personal, edition, name + i + "@batches.example", NOW);
        }
        jdbc.sql("update edition set status = 'SENDING' where id = ?").param(edition).update();
        return edition;
    }

    private List<Long> ids(DeliveryBatches.Lease lease) {
        return jdbc.sql("select id from delivery where edition_id = ? and id between ? and ? order by id")
                .params(lease.editionId(), lease.firstId(), lease.lastId()).query(Long.class).list();
    }

    private String status(long id) {
        return jdbc.sql("select status from delivery where id = ?").param(id).query(String.class).single();
    }

    private String batch(DeliveryBatches.Lease lease) {
        return jdbc.sql("select status, leased_until, in_flight from delivery_batch where id = ?").param(lease.id())
                .query((rs, n) -> rs.getString(1) + " " + (rs.getTimestamp(2) == null ? "null" : rs.getTimestamp(2)
                        .getTime()) + " " + rs.getObject(3)).single();
    }
}
