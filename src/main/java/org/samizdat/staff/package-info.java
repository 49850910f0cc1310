/**
 * Newsroom staff: accounts, roles, sign-in and its throttling. Other modules see a signed-in person as
 * {@link org.samizdat.staff.StaffMember} and never touch passwords or sessions.
 */
package org.samizdat.staff;
