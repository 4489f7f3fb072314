package org.samenkracht.common.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.samenkracht.identity.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;

import java.util.Comparator;
import java.util.List;

/**
 * What the shared layout needs on every page: the one signed in, the path (for the language switch)
 * and the navigation (a person's tabs come from {@code VisibleLinks}, which knows which the reader may
 * open). Added after the controller, only when a page is about to be rendered: an API answer or a
 * redirect never pays for a layout it does not have (as {@code @ModelAttribute} methods of a
 * controller advice did, on every call).
 */
@Component
class LayoutModel implements HandlerInterceptor {

    private final List<NavItem> navItems;

    LayoutModel(ObjectProvider<NavItem> navItems) {
        this.navItems = navItems.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page == null || redirect(page)) {
            return;
        }
        var model = page.getModelMap();
        model.putIfAbsent("currentUser", CurrentUser.find().orElse(null));
        model.putIfAbsent("requestPath", request.getRequestURI().substring(request.getContextPath().length()));
        model.putIfAbsent("navItems", navItems.stream()
                .filter(n -> n.roles().isEmpty() || n.roles().stream().anyMatch(request::isUserInRole))
                .toList());
    }

    private static boolean redirect(ModelAndView page) {
        String name = page.getViewName();
        return name != null ? name.startsWith("redirect:") || name.startsWith("forward:")
                : page.getView() instanceof SmartView view && view.isRedirectView();
    }
}
