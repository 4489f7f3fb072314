package org.samenkracht.common.domain;

/**
 * A domain rule refused a command (for example an evaluation date in the past). Answered with 422
 * and the field named, in the user's language.
 */
public class RuleViolation extends RuntimeException {
    private final String field;
    private final String messageKey;
    private final transient Object[] args;

    public RuleViolation(String field, String messageKey, Object... args) {
        super(messageKey);
        this.field = field;
        this.messageKey = messageKey;
        this.args = args;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }

    /**
     * What the API adds to the problem besides the field's message (for example the figures a warning is about),
     * by property name; values must serialise to JSON. None by default.
     */
    public java.util.Map<String, Object> details() {
        return java.util.Map.of();
    }
}
