package org.samenkracht.identity.internal;

import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "identity/login";
    }

    /** Everyone lands where their work is: the person in their own file, a network member on their own tasks, others in their caseload. */
    @GetMapping("/")
    String home() {
        CurrentUser user = CurrentUser.get();
        if (user.is(Role.PERSON)) {
            return "redirect:/persons/" + user.personId();
        }
        if (user.is(Role.NETWORK_MEMBER)) {
            return "redirect:/network/mine";
        }
        return "redirect:/persons";
    }
}
