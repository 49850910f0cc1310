package org.samizdat.shared.web;

import java.util.List;

/**
 * The newsroom's live ways in (mirror domains, its onion address, static mirrors, other channels), for the
 * footers of pages, feeds and emails. Implemented by the module that keeps the list; modules that show it
 * ask for it through an {@code ObjectProvider<Mirrors>} and show nothing when no implementation is present.
 */
public interface Mirrors {

    /** The live entries in the order the newsroom chose. */
    List<Mirror> live();

    /**
     * One way in: {@code kind} is {@code web}, {@code onion}, {@code static} or {@code channel}; {@code address}
     * is an absolute URL; {@code label} is what readers are shown (may be blank, then the address is shown).
     */
    record Mirror(String kind, String address, String label) {
    }
}
