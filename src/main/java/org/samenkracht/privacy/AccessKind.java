package org.samenkracht.privacy;

/** What a user wants to do with a person's data; the audit log records which one was asked. */
public enum AccessKind {
    /** Read the file (the person themself, or their care team). */
    READ,
    /** Change what the care team keeps (the care team only). */
    WRITE,
    /** Add to what belongs to the person: own story, self-reports, agreeing (the person, or the team). */
    WRITE_AS_PERSON
}
