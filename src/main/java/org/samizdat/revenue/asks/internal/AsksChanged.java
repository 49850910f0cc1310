package org.samizdat.revenue.asks.internal;

/** The newsroom changed an ask or a donor-safety note; its rendered HTML is dropped after commit. */
record AsksChanged() {
}
