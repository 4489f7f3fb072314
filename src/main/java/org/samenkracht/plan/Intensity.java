package org.samenkracht.plan;

/** Where a step sits on the continuum of support: supporting, caring, or taking over (steun / zorg / overname). */
public enum Intensity {
    STEUN, ZORG, OVERNAME
}
