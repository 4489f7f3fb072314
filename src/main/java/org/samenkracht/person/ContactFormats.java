package org.samenkracht.person;

/**
 * What a phone number and a Dutch postcode look like, so "abc" is not saved as a phone number.
 * A phone number: an optional + or 00, then 8 to 15 digits, with spaces, dashes, dots or brackets
 * between them. An address may hold a postcode; if it holds something shaped like one (four digits
 * and letters), it must be a real one: 1000–9999 and two letters, not SA, SD or SS.
 */
public final class ContactFormats {

    private ContactFormats() {
    }

    /** Empty, or a phone number of 8 to 15 digits. */
    public static final String PHONE = "^$|^\\s*(\\+|00)?(\\s*[()./-]?\\s*[0-9]){8,15}\\s*[)]?\\s*$";

    /** Any address, except one with a postcode that cannot exist (0123 AB, 1234 SS, 1234ABC). */
    public static final String ADDRESS =
            "^(?![\\s\\S]*(?<![0-9])(0[0-9]{3}\\s?[A-Za-z]{2}|[0-9]{4}\\s?(?i:sa|sd|ss)|[0-9]{4}[A-Za-z]{3,})(?![A-Za-z0-9]))[\\s\\S]*$";
}
