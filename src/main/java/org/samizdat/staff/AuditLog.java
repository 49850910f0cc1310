package org.samizdat.staff;

import java.time.Clock;
import java.util.List;
import org.samizdat.staff.internal.AuditRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The newsroom's audit log: who signed in (or failed to), who published, withdrew or changed settings.
 * Entries are only appended; there is no way to edit or delete one from the application.
 */
@Service
public class AuditLog {

    public static final int MAX_SUBJECT = 300;

    private final AuditRepository entries;
    private final Clock clock;

    AuditLog(AuditRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    /** Records an action by a staff member, or by the system itself when {@code who} is null. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(StaffMember who, AuditAction action, String subject) {
        String trimmed = subject == null || subject.length() <= MAX_SUBJECT ? subject : subject.substring(0, MAX_SUBJECT);
        entries.append(clock.instant(), who == null ? null : who.id(), who == null ? null : who.displayName(),
                action, trimmed);
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> recent(int limit, int offset) {
        return entries.recent(limit, offset);
    }

    @Transactional(readOnly = true)
    public int count() {
        return entries.count();
    }
}
