package org.samizdat.shared.web;

/** One link in the site's section navigation. */
public record NavItem(String label, String path) {
}
