/**
 * The newsletter: sign-up with double opt-in and consent records, newsletters per language, one-click
 * unsubscribe, editions (editable while drafts) sent now, at a time or drafted by a weekly schedule. Reads content,
 * site (privacy policy versions) and shared; sends through mail; runs its scheduled jobs once across nodes through
 * cluster. Nothing depends on it.
 */
package org.samizdat.newsletter;
