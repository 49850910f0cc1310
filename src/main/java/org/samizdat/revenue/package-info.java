/**
 * Reader revenue: one-time and recurring donations through pluggable payment providers, the append-only
 * ledger, supporters, the monthly goal, the public support page and the newsroom's revenue desk. Uses staff,
 * mail and shared; publishes {@link org.samizdat.revenue.DonationCompleted} and friends for whoever listens.
 */
package org.samizdat.revenue;
