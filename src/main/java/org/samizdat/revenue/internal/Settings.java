package org.samizdat.revenue.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.samizdat.staff.AuditAction;
import org.samizdat.staff.AuditLog;
import org.samizdat.staff.StaffMember;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current revenue settings: what the newsroom saved, over defaults from {@link RevenueProperties}. Read on
 * each use (a few rows), so every node sees a change at once.
 */
@Service
public class Settings {

    private final SettingsRepository repository;
    private final RevenueProperties properties;
    private final Clock clock;
    private final RevenuePages pages;
    private final AuditLog audit;

    Settings(SettingsRepository repository, RevenueProperties properties, Clock clock, RevenuePages pages,
            AuditLog audit) {
        this.audit = audit;
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
        this.pages = pages;
    }

    @Transactional(readOnly = true)
    public RevenueSettings current() {
        Map<String, String> values = new HashMap<>();
        values.put("currencies", String.join(" ", properties.currencies()));
        values.put("methods", String.join(" ", properties.methods()));
        values.putAll(repository.all());
        return new RevenueSettings(values);
    }

    @Transactional
    public void save(Map<String, String> values) {
        values.forEach((name, value) -> {
            if (RevenueSettings.NAMES.contains(name)) {
                repository.put(name, value, clock.instant());
            }
        });
        pages.changed();
    }

    /** Saves as {@link #save(Map)} and records in the audit log who saved which settings (names, not values). */
    @Transactional
    public void save(Map<String, String> values, StaffMember who) {
        RevenueSettings before = current();
        List<String> changed = RevenueSettings.NAMES.stream().filter(values::containsKey)
                .filter(name -> !Objects.equals(before.get(name), values.get(name))).toList();
        save(values);
        audit.record(who, AuditAction.REVENUE_SETTINGS_SAVED, changed.isEmpty() ? null : String.join(", ", changed));
    }
}
