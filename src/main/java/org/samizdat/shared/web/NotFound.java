package org.samizdat.shared.web;

/** Thrown by any controller when the page asked for does not exist; the site answers with its 404 page. */
public class NotFound extends RuntimeException {

    public NotFound() {
        super(null, null, false, false);
    }
}
