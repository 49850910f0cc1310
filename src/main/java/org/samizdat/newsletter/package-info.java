/**
 * The newsletter: sign-up with double opt-in and consent records, newsletters per language, one-click
 * unsubscribe. Reads content, site (privacy policy versions) and shared; sends through mail. Nothing depends on it.
 */
package org.samizdat.newsletter;
