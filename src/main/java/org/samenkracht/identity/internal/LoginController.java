package org.samenkracht.identity.internal;

import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.ArrayList;
import java.util.List;

@Controller
class LoginController {

    /** A configured identity provider for single sign-on, as the login page offers it. */
    record IdentityProvider(String path, String name) {
    }

    private final ObjectProvider<ClientRegistrationRepository> identityProviders;

    LoginController(ObjectProvider<ClientRegistrationRepository> identityProviders) {
        this.identityProviders = identityProviders;
    }

    @GetMapping("/login")
    String login(Model model) {
        List<IdentityProvider> providers = new ArrayList<>();
        if (identityProviders.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object r : registrations) {
                ClientRegistration registration = (ClientRegistration) r;
                providers.add(new IdentityProvider("/oauth2/authorization/" + registration.getRegistrationId(),
                        registration.getClientName()));
            }
        }
        model.addAttribute("identityProviders", providers);
        return "identity/login";
    }

    /** Everyone lands where their work is: the person in their own file, a network member on their own tasks, the administrator on accounts and checks, others in their caseload. */
    @GetMapping("/")
    String home() {
        CurrentUser user = CurrentUser.get();
        if (user.is(Role.PERSON)) {
            return "redirect:/persons/" + user.personId();
        }
        if (user.is(Role.NETWORK_MEMBER)) {
            return "redirect:/network/mine";
        }
        if (user.is(Role.ADMINISTRATOR)) {
            return "redirect:/admin";
        }
        if (user.is(Role.SIGNALLING_PARTNER)) {
            return "redirect:/signals/partner";
        }
        if (user.is(Role.VOLUNTEER)) {
            return "redirect:/community/mine";
        }
        if (user.is(Role.COORDINATOR)) {
            return "redirect:/community";
        }
        if (user.role().seesOnlyAggregates()) {
            return "redirect:/insights";
        }
        return "redirect:/persons";
    }
}
