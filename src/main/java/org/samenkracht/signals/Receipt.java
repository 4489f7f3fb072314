package org.samenkracht.signals;

import java.time.Instant;

/**
 * What the signaller may see of their signal: that it was received, whether the team took it up, that
 * it was closed, and whom to call. Safe wordings only: never what was found, decided or done, never
 * whether a file exists. The texts are the message keys {@code signals.receipt.<Stage>}.
 */
public record Receipt(String reference, Instant receivedAt, Stage stage, String contactPerson) {

    public enum Stage { RECEIVED, TAKEN_UP, NOT_TAKEN_UP, CLOSED }

    /** A closed signal that was never taken up reads as closed, so "not taken up" does not linger. */
    public static Stage stage(String status, Boolean takenUp) {
        if ("CLOSED".equals(status)) {
            return Stage.CLOSED;
        }
        if (takenUp == null || "RECEIVED".equals(status)) {
            return Stage.RECEIVED;
        }
        return takenUp ? Stage.TAKEN_UP : Stage.NOT_TAKEN_UP;
    }

    public String messageKey() {
        return "signals.receipt." + stage.name();
    }
}
