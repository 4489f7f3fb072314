package org.samenkracht.network;

/**
 * What dividing tasks must know about a network member's load (draagkracht / draaglast):
 * whether they are overloaded, and whether the person asked not to burden them. The reason is a
 * message key a person can read.
 */
public record LoadSignal(boolean overloaded, boolean doNotBurden, String reasonKey) {

    public static LoadSignal none() {
        return new LoadSignal(false, false, null);
    }

    public boolean warns() {
        return overloaded || doNotBurden;
    }
}
