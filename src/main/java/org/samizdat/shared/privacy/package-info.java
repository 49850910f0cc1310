/** Personal data at rest: readers' and supporters' addresses sealed with a key kept outside the database. */
package org.samizdat.shared.privacy;
