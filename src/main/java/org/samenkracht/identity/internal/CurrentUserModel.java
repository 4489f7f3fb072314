package org.samenkracht.identity.internal;

import org.samenkracht.identity.CurrentUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user into every page's model, for the layout's header. */
@ControllerAdvice
class CurrentUserModel {

    @ModelAttribute("currentUser")
    CurrentUser currentUser() {
        return CurrentUser.find().orElse(null);
    }
}
