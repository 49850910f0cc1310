package org.samizdat.content.internal;

/** No story with that id; the web layer answers 404. */
public class StoryNotFound extends RuntimeException {

    public StoryNotFound(long id) {
        super("No story " + id);
    }
}
