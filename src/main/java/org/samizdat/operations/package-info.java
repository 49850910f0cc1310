/**
 * Tasks an operator runs around the service rather than inside it: moving a newsroom from the embedded
 * database to PostgreSQL with every row intact, and checking that a copy matches its source.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations")
package org.samizdat.operations;
