package org.samenkracht.plan;

import org.samenkracht.network.LoadSignal;

/**
 * Protect the network (draagkracht / draaglast): giving a task to someone who is overloaded, or to
 * someone the person asked not to burden, is not forbidden, but it warns and asks for a reason.
 */
public final class LoadWarningPolicy {

    private LoadWarningPolicy() {
    }

    public sealed interface Outcome {
        /** Nothing to weigh: the member carries no load signal. */
        record Fine() implements Outcome {
        }

        /** The member carries a signal and no reason was given: warn and ask for one. */
        record NeedsReason(boolean overloaded, boolean doNotBurden, String signalReasonKey) implements Outcome {
            /** The message key of the warning the user reads. */
            public String messageKey() {
                return doNotBurden ? "plan.step.load.doNotBurden" : "plan.step.load.overloaded";
            }
        }

        /** The member carries a signal and the reason to go ahead is recorded with the step. */
        record ProceedWithReason(String reason) implements Outcome {
        }
    }

    public static Outcome assess(LoadSignal signal, String reason) {
        if (signal == null || !signal.warns()) {
            return new Outcome.Fine();
        }
        if (reason == null || reason.isBlank()) {
            return new Outcome.NeedsReason(signal.overloaded(), signal.doNotBurden(), signal.reasonKey());
        }
        return new Outcome.ProceedWithReason(reason.trim());
    }
}
