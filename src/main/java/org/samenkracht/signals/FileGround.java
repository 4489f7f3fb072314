package org.samenkracht.signals;

/**
 * The ground a file opened from a signal rests on (issue 19, item 4; the secrecy rules of seed 003, §5 and P3/P4):
 * by default nothing about a person is kept in a file without their agreement, so the first ground is their consent.
 * Without consent only on a ground the secrecy rules recognise, each with a written justification:
 * <ul>
 *   <li>{@link #ACUTE_DANGER}: acute, high risk: the duty to help (failure to assist, art. 422), handled apart from
 *       secrecy;</li>
 *   <li>{@link #CONFLICT_OF_DUTIES}: a serious risk weighed against secrecy (a conflict of duties), in line with the
 *       mandate;</li>
 *   <li>{@link #REPORTING_CODE}: the reporting code for domestic violence and child safety, decided in its step 5.</li>
 * </ul>
 */
public enum FileGround {
    CONSENT, ACUTE_DANGER, CONFLICT_OF_DUTIES, REPORTING_CODE
}
