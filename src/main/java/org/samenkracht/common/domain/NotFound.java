package org.samenkracht.common.domain;

/** Something asked for does not exist (or is not visible in this organisation): a friendly 404. */
public class NotFound extends RuntimeException {
    public NotFound(String what) {
        super(what + " not found");
    }
}
