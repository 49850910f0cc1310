/**
 * Discovery: search over published stories (Lucene, English and Russian stemming), "Read more" by text
 * similarity, full-text RSS, Atom and JSON feeds, sitemaps and robots.txt. It reads content through
 * {@link org.samizdat.content.Stories}, keeps its index in step with content's story events and offers
 * {@link org.samizdat.content.RelatedStories}; content never knows it exists.
 */
package org.samizdat.discovery;
