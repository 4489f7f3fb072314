package org.samenkracht.insights;

/** The time levels of a view: month, quarter, year. One level per view (and counts rounded to base 5, see {@link org.samenkracht.common.disclosure.Disclosure}). */
public enum TimeLevel {
    MONTH, QUARTER, YEAR;

    public String labelKey() {
        return "insights.time." + name();
    }
}
