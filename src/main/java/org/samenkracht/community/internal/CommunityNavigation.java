package org.samenkracht.community.internal;

import org.samenkracht.common.web.NavItem;
import org.samenkracht.common.web.PersonTab;
import org.samenkracht.identity.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

@Configuration(proxyBeanMethods = false)
class CommunityNavigation {

    /** Coordinators land on their list of requests and volunteers. */
    @Bean
    NavItem communityNavItem() {
        return new NavItem("/community", "community.nav", 50, Set.of(Role.COORDINATOR.name(), Role.ADMINISTRATOR.name()));
    }

    /** Support groups: coordinators keep them, coaches and professionals lead them. */
    @Bean
    NavItem supportGroupsNavItem() {
        return new NavItem("/community/groups", "community.group.nav", 51,
                Set.of(Role.COORDINATOR.name(), Role.ADMINISTRATOR.name(), Role.COACH.name(), Role.PROFESSIONAL.name()));
    }

    /** Neighbourhood places and their activities: coordinators keep them, staff who support people look them up. */
    @Bean
    NavItem placesNavItem() {
        return new NavItem("/community/places", "community.place.nav", 52,
                Set.of(Role.COORDINATOR.name(), Role.ADMINISTRATOR.name(), Role.COACH.name(), Role.PROFESSIONAL.name()));
    }

    /** A volunteer sees their own matches, hours and load. */
    @Bean
    NavItem communityMineNavItem() {
        return new NavItem("/community/mine", "community.mine.nav", 50, Set.of(Role.VOLUNTEER.name()));
    }

    @Bean
    PersonTab communityPersonTab() {
        return new PersonTab("community", "person.tab.community", "/persons/{id}/community", 60);
    }
}
