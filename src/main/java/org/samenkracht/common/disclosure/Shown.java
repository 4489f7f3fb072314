package org.samenkracht.common.disclosure;

/**
 * One published number: its value, or nothing when disclosure control held it back. Why a number is held back
 * (small, secondary, a disclosive zero, dominance) is never said, since the reason would itself tell something.
 * Only {@link Disclosure} makes these: whatever shows a figure shows a {@code Shown}, never a raw count.
 */
public final class Shown {

    private static final Shown SUPPRESSED = new Shown(null, false);

    private final Double value;
    private final boolean rounded;

    private Shown(Double value, boolean rounded) {
        this.value = value;
        this.rounded = rounded;
    }

    static Shown of(double value, boolean rounded) {
        return new Shown(value, rounded);
    }

    static Shown suppressed() {
        return SUPPRESSED;
    }

    public boolean isSuppressed() {
        return value == null;
    }

    /** The value, or null when suppressed. */
    public Double value() {
        return value;
    }

    public boolean rounded() {
        return rounded;
    }

    /** As text for tables and exports: the value without needless decimals, or the suppression mark. */
    public String text() {
        return text(java.util.Locale.ROOT);
    }

    /** As read by people of {@code locale}: "28,6" in Dutch, "28.6" in English; {@link #text()} for files and the API. */
    public String text(java.util.Locale locale) {
        if (value == null) {
            return Disclosure.MARK;
        }
        return value == Math.rint(value) ? Long.toString(value.longValue()) : String.format(locale, "%.1f", value);
    }

    @Override
    public String toString() {
        return text();
    }
}
