package org.samenkracht.community;

import org.samenkracht.network.MemberProfile;
import org.samenkracht.network.NetworkMember;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Before any volunteer: who in the person's own network could do this without overload (seed 2.5,
 * inside out). Someone in the natural network who is not harmful to the person, whom the person did
 * not ask to spare, and whose load raises no warning could be asked; the others are shown with the
 * reason they are not. When no one could, the network has a real gap. When someone could, a volunteer
 * is only looked for once it is written down why they will not (asked, and it does not fit).
 */
public final class NetworkFirstPolicy {

    private NetworkFirstPolicy() {
    }

    public record Option(UUID memberId, String name, NetworkMember.Relation relation, boolean alreadyGivesThis,
                         String reasonKey) {
        public boolean couldHelp() {
            return reasonKey == null;
        }
    }

    public record Check(List<Option> couldHelp, List<Option> notNow) {
        /** Nobody in the network could do it without overload: a real gap. */
        public boolean realGap() {
            return couldHelp.isEmpty();
        }
    }

    public static Check check(List<MemberProfile> members, NetworkMember.SupportKind kind) {
        List<Option> all = members.stream().filter(MemberProfile::informal).map(m -> option(m, kind)).toList();
        return new Check(
                all.stream().filter(Option::couldHelp)
                        .sorted(Comparator.comparing(Option::alreadyGivesThis).reversed().thenComparing(Option::name)).toList(),
                all.stream().filter(o -> !o.couldHelp()).toList());
    }

    static Option option(MemberProfile m, NetworkMember.SupportKind kind) {
        boolean gives = kind != null && m.supportReceived().contains(kind);
        String reason = m.harmful() ? "community.network.harmful"
                : m.doNotBurden() ? "community.network.doNotBurden"
                : !m.warnings().isEmpty() ? "community.network.overloaded"
                : m.layer() != org.samenkracht.vocabulary.Layer.NETWORK ? "community.network.notNatural"
                : null;
        return new Option(m.id(), m.name(), m.relation(), gives, reason);
    }

    /** Whether volunteers may be looked for: a real gap, or a written reason why the ones who could will not. */
    public static boolean mayLookForVolunteers(Check check, String whyNotThem) {
        return check.realGap() || (whyNotThem != null && !whyNotThem.isBlank());
    }
}
