/**
 * The shell around every page: the home page, errors, the privacy policy, security headers and the
 * cache of rendered pages that lets one server answer a breaking-news crowd.
 */
package org.samizdat.site;
