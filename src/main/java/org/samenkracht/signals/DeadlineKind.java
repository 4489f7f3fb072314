package org.samenkracht.signals;

/** The kinds of signal a deadline profile is kept for; after triage the urgency scheme decides the kind. */
public enum DeadlineKind { ACUTE, URGENT, REGULAR, WEAK }
