/**
 * Keeps several app nodes that share one database in step, with no infrastructure beyond the database: the
 * events that change what readers see (stories published, changed or withdrawn, renamed sections, pages
 * changed, a new privacy policy) are written to a change feed in the same transaction as the change, and
 * every other node reads the feed and publishes them again locally, so its page cache and search index follow.
 * {@link org.samizdat.cluster.ClusterJobs} lets jobs every node schedules run each occurrence once.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cluster")
package org.samizdat.cluster;
