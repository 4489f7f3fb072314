package org.samenkracht.common.disclosure;

/** The geographic levels of a view, after the CBS codes: gemeente (GM), wijk (WK), buurt (BU). One level per view. */
public enum Level {
    MUNICIPALITY, DISTRICT, NEIGHBOURHOOD;

    public String labelKey() {
        return "insights.level." + name();
    }
}
