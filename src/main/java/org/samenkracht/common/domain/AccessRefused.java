package org.samenkracht.common.domain;

/**
 * Access to personal data was refused. The reason is a message key that says, in the user's own
 * language, what is missing (for example "you are not in this person's team").
 */
public class AccessRefused extends RuntimeException {
    private final String reasonKey;

    public AccessRefused(String reasonKey) {
        super(reasonKey);
        this.reasonKey = reasonKey;
    }

    public String reasonKey() {
        return reasonKey;
    }
}
