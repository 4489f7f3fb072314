package org.samenkracht.signals;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Weak signals add up: about the same person (by the signal's pseudonymous subject key), signals within
 * the window count with a weight that decays linearly to zero over the window; the radar lights up when
 * at least {@code minSignals} came from at least {@code minPartners} different partners within the window
 * (by default three from two partners in six weeks).
 */
public record WeakSignalRadar(int windowDays, int minSignals, int minPartners) {

    public static final WeakSignalRadar DEFAULT = new WeakSignalRadar(42, 3, 2);

    /** One earlier signal about the subject: when, and from which partner (agreement, or the channel for residents). */
    public record Blip(Instant receivedAt, String partner) {
    }

    public record Reading(int signals, int partners, double weight, boolean raised) {
    }

    public Reading read(Collection<Blip> blips, Instant now) {
        Duration window = Duration.ofDays(windowDays);
        Instant from = now.minus(window);
        int count = 0;
        double weight = 0;
        Set<String> partners = new HashSet<>();
        for (Blip b : blips) {
            if (b.receivedAt().isAfter(from) && !b.receivedAt().isAfter(now)) {
                count++;
                partners.add(b.partner());
                weight += 1.0 - Duration.between(b.receivedAt(), now).toMinutes() / (double) window.toMinutes();
            }
        }
        return new Reading(count, partners.size(), Math.round(weight * 100) / 100.0,
                count >= minSignals && partners.size() >= minPartners);
    }

    /** A partner key that tells partners apart without naming them. */
    public static String partnerOf(UUID agreementId, String partnerKind) {
        return agreementId != null ? agreementId.toString() : "kind:" + partnerKind;
    }
}
