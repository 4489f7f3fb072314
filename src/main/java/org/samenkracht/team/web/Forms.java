package org.samenkracht.team.web;

import jakarta.validation.Validator;
import org.samenkracht.common.web.FormPosts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The module's form posts, with its own field labels ({@code team.field.*}). */
@Component("teamForms")
class Forms extends FormPosts {

    Forms(Validator validator, MessageSource messages) {
        super(validator, messages, "team.field.");
    }
}
