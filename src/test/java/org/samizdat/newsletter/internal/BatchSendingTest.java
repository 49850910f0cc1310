package org.samizdat.newsletter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.samizdat.mail.MailProperties;
import org.samizdat.mail.OutgoingMail;
import org.samizdat.shared.privacy.PersonalData;
import org.samizdat.support.MailAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The pieces the sending engine uses per batch: an edition rendered once gives every reader exactly the mail a
 * per-reader rendering gives, and a fence marks the earlier accepted rows SENT while refusing another worker and a
 * reader who unsubscribed after the lease.
 */
@MailAppTest
class BatchSendingTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalData personal;

    @Autowired
    Editions editions;

    @Autowired
    EditionRepository editionRows;

    @Autowired
    EditionMails mails;

    @Autowired
    DeliveryRepository deliveries;

    @Autowired
    Fences fences;

    @Autowired
    MailProperties mail;

    @Test
    void aPreparedEditionGivesEachReaderTheSameMailAsRenderingItForThem() {
        long id = editions.draft("weekly-ru", "Выпуск <недели> & \"цитаты\"", "Коротко", "Вступление: a & b < c", List.of(),
                null);
        Edition edition = editionRows.find(id).orElseThrow();
        EditionMails.Prepared prepared = mails.prepare(edition);
        String unsubscribe = Tokens.generate();
        String preferences = Tokens.generate();

        OutgoingMail once = mails.mail(prepared, "reader@batch.example", unsubscribe, preferences);
        OutgoingMail each = mails.mail(edition, "reader@batch.example", unsubscribe, preferences);

        assertThat(once).isEqualTo(each);
        assertThat(once.html()).contains(unsubscribe, preferences).doesNotContain(prepared.unsubscribeMark(),
                prepared.preferencesMark());
        assertThat(once.text()).contains(unsubscribe, preferences);
        assertThat(mails.mail(prepared, "other@batch.example", Tokens.generate(), Tokens.generate()).html())
                .doesNotContain(unsubscribe, preferences);
    }

    @Test
    void aFenceMarksTheAcceptedRowsSentAndRefusesAReaderWhoUnsubscribedAfterTheClaim() {
        // A draft's batch is leased by hand: the running sending threads only take batches of editions being sent.
        long edition = editions.draft("weekly-en", "Fence", "", "", List.of(), null);
        long first = delivery(edition, "first@fence.example");
        long second = delivery(edition, "second@fence.example");
        long third = delivery(edition, "third@fence.example");
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into delivery_batch (edition_id, first_id, last_id, status, worker, leased_until)
                values (?, ?, ?, 'QUEUED', 'worker-a', ?)""").params(edition, first, third,
                Timestamp.from(Instant.now().plusSeconds(300))).update(keys, "id");
        long batch = keys.getKey().longValue();

        assertThat(fences.fence(batch, first, "worker-a", List.of())).isTrue();
        assertThat(inFlight(batch)).isEqualTo(first);
        assertThat(fences.fence(batch, second, "worker-b", List.of(first))).as("another worker's batch").isFalse();
        assertThat(status(first)).as("confirmed by the refused fence's statement all the same").isEqualTo("SENT");
        assertThat(inFlight(batch)).isEqualTo(first);
        assertThat(fences.fence(batch, second, "worker-a", List.of())).isTrue();
        jdbc.sql("update subscription set status = 'UNSUBSCRIBED' where id = (select subscription_id from delivery"
                + " where id = ?)").param(third).update();
        assertThat(fences.fence(batch, third, "worker-a", List.of(second))).isFalse();
        assertThat(deliveries.skipEnded(third)).isTrue();
        assertThat(deliveries.skipEnded(second)).as("a sent row is not skipped").isFalse();

        assertThat(Map.of("first", status(first), "second", status(second), "third", status(third)))
                .isEqualTo(Map.of("first", "SENT", "second", "SENT", "third", "SKIPPED"));
        assertThat(jdbc.sql("select message_id from delivery where id = ?").param(first).query(String.class).single())
                .isEqualTo("<e" + edition + ".d" + first + "@" + mail.domain() + ">");
    }

    private long inFlight(long batch) {
        return jdbc.sql("select in_flight from delivery_batch where id = ?").param(batch).query(Long.class).single();
    }

    private long delivery(long edition, String email) {
        return QueuedReaders.queue(jdbc, personal, edition, email, Instant.now());
    }

    private String status(long id) {
        return jdbc.sql("select status from delivery where id = ?").param(id).query(String.class).single();
    }
}
