package org.samenkracht.signals;

/** Figures leave the organisation with small groups suppressed: a count of 1 to 4 is shown as "&lt;5". */
public final class SmallNumbers {

    private SmallNumbers() {
    }

    public static String show(long count) {
        return count >= 1 && count <= 4 ? "<5" : Long.toString(count);
    }
}
