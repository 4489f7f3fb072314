package org.samenkracht.common.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Comparator;
import java.util.List;

/** What the shared layout needs on every page: the path (for the language switch), navigation and tabs. */
@ControllerAdvice
class LayoutModel {

    private final List<NavItem> navItems;
    private final List<PersonTab> personTabs;

    LayoutModel(ObjectProvider<NavItem> navItems, ObjectProvider<PersonTab> personTabs) {
        this.navItems = navItems.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
        this.personTabs = personTabs.stream().sorted(Comparator.comparingInt(PersonTab::order)).toList();
    }

    @ModelAttribute("requestPath")
    String requestPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @ModelAttribute("navItems")
    List<NavItem> navItems(HttpServletRequest request) {
        return navItems.stream()
                .filter(n -> n.roles().isEmpty() || n.roles().stream().anyMatch(request::isUserInRole))
                .toList();
    }

    @ModelAttribute("personTabs")
    List<PersonTab> personTabs() {
        return personTabs;
    }
}
