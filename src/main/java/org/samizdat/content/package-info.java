/**
 * Stories, sections, tags, authors and photos, and the publishing workflow.
 * Other modules read published stories through {@link org.samizdat.content.Stories} and react to
 * {@link org.samizdat.content.StoryPublished}, {@link org.samizdat.content.StoryChanged} and
 * {@link org.samizdat.content.StoryWithdrawn}.
 */
package org.samizdat.content;
