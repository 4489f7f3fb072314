package org.samenkracht.privacy;

/**
 * The seed's conditions for passing on what a person told or what was seen (seed 003, P2):
 * <ul>
 *   <li>nothing leaves without the person's agreement, except by the concern route;</li>
 *   <li>joint secrecy (the team): only once the team was made known to the person, and only for the
 *       same vision and assignment;</li>
 *   <li>shared secrecy (a manager, or anyone outside the team): (a) in the interest of the help to this
 *       person, and (b) the recipient takes part in that help with the same goal;</li>
 *   <li>a request from another service to check whether the family keeps its agreements is refused,
 *       always, even when the family agrees (they are in a dependent position).</li>
 * </ul>
 */
public final class SharedSecrecyPolicy {

    private SharedSecrecyPolicy() {
    }

    public enum RecipientKind { TEAM, MANAGER, EXTERNAL }

    /** What is asked: to whom, and the professional's answers to the two conditions. */
    public record Request(RecipientKind recipientKind, boolean checkRequest, boolean interestOfHelp,
                          boolean recipientSameGoal) {
    }

    /** What the file says: team disclosed, recipient in the team, a consent that covers it, a concern route done. */
    public record Facts(boolean teamDisclosed, boolean recipientInTeam, boolean consentCovers,
                        boolean concernReadyToStepOutside) {
    }

    public sealed interface Outcome {
        String key();

        record Share(String key) implements Outcome {
        }

        record Refuse(String key) implements Outcome {
        }
    }

    public static Outcome decide(Request r, Facts f) {
        if (r.checkRequest()) {
            return new Outcome.Refuse("sharing.refused.checkRequest");
        }
        return switch (r.recipientKind()) {
            case TEAM -> !f.teamDisclosed() ? new Outcome.Refuse("sharing.refused.teamNotDisclosed")
                    : !f.recipientInTeam() ? new Outcome.Refuse("sharing.refused.notInTeam")
                    : !(r.interestOfHelp() && r.recipientSameGoal()) ? new Outcome.Refuse("sharing.refused.notSameAssignment")
                    : new Outcome.Share("sharing.ground.jointSecrecy");
            case MANAGER -> !r.interestOfHelp() ? new Outcome.Refuse("sharing.refused.notInInterestOfHelp")
                    : !(f.recipientInTeam() && r.recipientSameGoal()) ? new Outcome.Refuse("sharing.refused.managerNotTakingPart")
                    : new Outcome.Share("sharing.ground.sharedSecrecy");
            case EXTERNAL -> {
                if (f.concernReadyToStepOutside()) {
                    yield new Outcome.Share("sharing.ground.concernRoute");
                }
                if (!f.consentCovers()) {
                    yield new Outcome.Refuse("sharing.refused.noConsent");
                }
                yield !r.interestOfHelp() ? new Outcome.Refuse("sharing.refused.notInInterestOfHelp")
                        : !r.recipientSameGoal() ? new Outcome.Refuse("sharing.refused.recipientNotTakingPart")
                        : new Outcome.Share("sharing.ground.consentAndSharedSecrecy");
            }
        };
    }
}
