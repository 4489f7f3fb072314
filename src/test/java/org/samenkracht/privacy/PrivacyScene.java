package org.samenkracht.privacy;

import org.samenkracht.vocabulary.Layer;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.network.AddNetworkMember;
import org.samenkracht.network.Network;
import org.samenkracht.network.NetworkMember;
import org.samenkracht.person.RegisterPerson;
import org.samenkracht.person.Persons;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.samenkracht.common.demo.DemoIds.*;

/**
 * A fresh person with every relation to them the access rules know: the person themself, another
 * person, a professional and a coach in the team (disclosed), colleagues of the same organisation
 * outside the team, an administrator, a professional of another organisation, network members with
 * and without consent, a professional of another organisation whose emergency access the coach
 * approved, and one whose question is still open.
 */
@Component
public class PrivacyScene {

    /** Who asks, by role and relation to the scene's person. */
    public enum Subject {
        SELF, OTHER_PERSON, TEAM_PROFESSIONAL, TEAM_COACH, SAME_ORG_PROFESSIONAL, SAME_ORG_COACH, ADMINISTRATOR,
        OTHER_ORG_PROFESSIONAL, NETWORK_WITH_CONSENT, NETWORK_WITHOUT_CONSENT,
        /** A professional of another organisation who asked for emergency access and whom the team's coach approved. */
        EMERGENCY,
        /** A professional of another organisation who asked for emergency access, not (yet) approved: a stranger still. */
        EMERGENCY_ASKED,
        /** Community: a volunteer (of the scene's match, see AccessMatrixTest) and a coordinator not on the person's request. */
        VOLUNTEER, COORDINATOR,
        /** Insights (issue 22): a policy analyst of the organisation; sees only figures, never a person. */
        POLICY_ANALYST
    }

    public record Scene(UUID person, Map<Subject, CurrentUser> users, UUID consentedMember, UUID consentId) {
        public CurrentUser as(Subject s) {
            return users.get(s);
        }
    }

    private final Accounts accounts;
    private final Persons persons;
    private final Network network;
    private final CareTeam team;
    private final Consents consents;
    private final EmergencyAccess emergency;
    private final JdbcClient jdbc;

    PrivacyScene(Accounts accounts, Persons persons, Network network, CareTeam team, Consents consents,
                 EmergencyAccess emergency, JdbcClient jdbc) {
        this.accounts = accounts;
        this.persons = persons;
        this.network = network;
        this.team = team;
        this.consents = consents;
        this.emergency = emergency;
        this.jdbc = jdbc;
    }

    public Scene create(Set<Information> consented) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Map<Subject, CurrentUser> users = new EnumMap<>(Subject.class);
        users.put(Subject.TEAM_PROFESSIONAL, account(ORGANISATION, "pro-" + tag, Role.PROFESSIONAL, null));
        users.put(Subject.TEAM_COACH, account(ORGANISATION, "coach-" + tag, Role.COACH, null));
        users.put(Subject.SAME_ORG_PROFESSIONAL, account(ORGANISATION, "colleague-" + tag, Role.PROFESSIONAL, null));
        users.put(Subject.SAME_ORG_COACH, account(ORGANISATION, "othercoach-" + tag, Role.COACH, null));
        users.put(Subject.ADMINISTRATOR, account(ORGANISATION, "admin-" + tag, Role.ADMINISTRATOR, null));
        users.put(Subject.OTHER_ORG_PROFESSIONAL, account(OTHER_ORGANISATION, "other-" + tag, Role.PROFESSIONAL, null));
        users.put(Subject.EMERGENCY, account(OTHER_ORGANISATION, "night-" + tag, Role.PROFESSIONAL, null));
        users.put(Subject.EMERGENCY_ASKED, account(OTHER_ORGANISATION, "asking-" + tag, Role.PROFESSIONAL, null));
        users.put(Subject.NETWORK_WITH_CONSENT, account(ORGANISATION, "friend-" + tag, Role.NETWORK_MEMBER, null));
        users.put(Subject.NETWORK_WITHOUT_CONSENT, account(ORGANISATION, "neighbour-" + tag, Role.NETWORK_MEMBER, null));
        users.put(Subject.OTHER_PERSON, find(ACCOUNT_JONAS));
        users.put(Subject.VOLUNTEER, account(ORGANISATION, "volunteer-" + tag, Role.VOLUNTEER, null));
        users.put(Subject.COORDINATOR, account(ORGANISATION, "coordinator-" + tag, Role.COORDINATOR, null));
        users.put(Subject.POLICY_ANALYST, account(ORGANISATION, "policy-" + tag, Role.POLICY_ANALYST, null));

        UUID person = UUID.randomUUID();
        UUID[] members = new UUID[2];
        UUID[] consent = new UUID[1];
        accounts.runAs(users.get(Subject.TEAM_PROFESSIONAL).id(), () -> {
            persons.register(person, new RegisterPerson("Test", "Scène " + tag, LocalDate.of(1980, 1, 1), null, null,
                    null, "Lindenhoven", "self-" + tag, "geheim-genoeg-2026"));
            team.add(person, users.get(Subject.TEAM_COACH).id(), CareTeam.TeamRole.COACH, "Coaching");
            team.recordDisclosure(person, LocalDate.now(), CareTeam.DisclosedHow.CONVERSATION);
            members[0] = network.add(person, new AddNetworkMember("Vriend " + tag, NetworkMember.Relation.FRIEND,
                    Layer.NETWORK, Set.of(NetworkMember.SupportKind.COMPANY)));
            members[1] = network.add(person, new AddNetworkMember("Buur " + tag, NetworkMember.Relation.NEIGHBOUR,
                    Layer.NETWORK, Set.of(NetworkMember.SupportKind.PRACTICAL)));
        });
        link(members[0], users.get(Subject.NETWORK_WITH_CONSENT).id());
        link(members[1], users.get(Subject.NETWORK_WITHOUT_CONSENT).id());
        UUID selfAccount = jdbc.sql("select id from app_user where person_id = ?").param(person).query(UUID.class).single();
        users.put(Subject.SELF, find(selfAccount));
        accounts.runAs(selfAccount, () -> consent[0] = consents.give(person, new Consents.GiveConsent(
                consented.isEmpty() ? EnumSet.of(Information.EVERYTHING) : EnumSet.copyOf(consented),
                Consents.RecipientKind.NETWORK_MEMBER, members[0], null, null, null,
                "Meekijken", LocalDate.now(), null, Consents.GivenHow.IN_APP, Consents.GivenBy.PERSON, null)));
        UUID[] asked = new UUID[1];
        accounts.runAs(users.get(Subject.EMERGENCY).id(), () -> asked[0] = emergency.open(person, "Nachtdienst: niemand doet open, zorgen om medicatie.").id());
        accounts.runAs(users.get(Subject.TEAM_COACH).id(), () -> emergency.decide(person, asked[0], true, "Akkoord, het is nacht."));
        accounts.runAs(users.get(Subject.EMERGENCY_ASKED).id(), () -> emergency.open(person, "Crisisdienst: melding van de buren, wil meelezen."));
        return new Scene(person, users, members[0], consent[0]);
    }

    /** An authentication as the security filter chain would hold it, for MockMvc. */
    public static Authentication authentication(CurrentUser user) {
        CurrentUser.Holder holder = () -> user;
        return new UsernamePasswordAuthenticationToken(holder, null, List.of(new SimpleGrantedAuthority(user.role().authority())));
    }

    private void link(UUID memberId, UUID accountId) {
        jdbc.sql("update network_member set account_id = ? where id = ?").params(accountId, memberId).update();
    }

    private CurrentUser account(UUID org, String username, Role role, UUID personId) {
        UUID id = accounts.create(new Accounts.NewAccount(null, org, username, PASSWORD, username, role, personId));
        return find(id);
    }

    private CurrentUser find(UUID id) {
        var a = accounts.find(id).orElseThrow();
        return new CurrentUser(a.id(), a.organisationId(), a.username(), a.displayName(), a.role(), a.personId());
    }
}
