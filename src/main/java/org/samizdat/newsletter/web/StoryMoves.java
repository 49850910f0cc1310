package org.samizdat.newsletter.web;

import java.util.Collections;
import java.util.List;

/**
 * The edit form's story buttons: {@code up-N}, {@code down-N} and {@code remove-N} act on the N-th story (from 0) of
 * the list the form carried; anything else, or a position outside the list, changes nothing.
 */
final class StoryMoves {

    private StoryMoves() {
    }

    static void apply(String op, List<Long> ids) {
        int dash = op.indexOf('-');
        if (dash < 0 || !op.substring(dash + 1).matches("[0-9]{1,3}")) {
            return;
        }
        int at = Integer.parseInt(op.substring(dash + 1));
        if (at >= ids.size()) {
            return;
        }
        switch (op.substring(0, dash)) {
            case "up" -> {
                if (at > 0) {
                    Collections.swap(ids, at, at - 1);
                }
            }
            case "down" -> {
                if (at < ids.size() - 1) {
                    Collections.swap(ids, at, at + 1);
                }
            }
            case "remove" -> ids.remove(at);
            default -> {
            }
        }
    }
}
