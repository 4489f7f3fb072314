package org.samenkracht.network;

/** Why an informal carer's load needs attention; each has a text a person can read. */
public enum LoadWarning {
    /** The burden is heavy (4 or 5 of 5), or heavier than what they say they can carry. */
    HIGH,
    /** The burden grew since the report before, and is at least middling. */
    RISING,
    /** This one person carries (almost) all the informal hours. */
    ALONE;

    public String messageKey() {
        return "network.warning." + name();
    }
}
