package org.samizdat.cluster;

/**
 * Runs a job that every node schedules once per occurrence across all nodes sharing the database. An occurrence is
 * a (job, slot) pair, e.g. ("newsletter-draft", "3@2026-11-27T08:00:00Z"); the first node to record it in the
 * database runs it, every other node skips it.
 */
public interface ClusterJobs {

    /**
     * Records the claim of (job, slot) and runs {@code work} in one new transaction: both commit or neither does, so
     * an occurrence whose work failed or whose node died half way is free again for the next attempt. Returns false,
     * without running the work, when another node holds or completed the occurrence.
     */
    boolean runOnce(String job, String slot, Runnable work);

    /**
     * Claims (job, slot) at once, committed on its own, for work that is not in the database (a mail, a call to
     * another service): it then runs at most once, and a node that dies after claiming leaves the occurrence undone.
     */
    boolean claim(String job, String slot);

    /** This node's id, random for each start of the process; claims and change-feed rows carry it. */
    String node();
}
