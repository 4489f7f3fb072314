package org.samenkracht.deliberation.web;

import jakarta.validation.Validator;
import org.samenkracht.common.web.FormPosts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The module's form posts, with its own field labels ({@code deliberation.field.*}). */
@Component("deliberationForms")
class Forms extends FormPosts {

    Forms(Validator validator, MessageSource messages) {
        super(validator, messages, "deliberation.field.");
    }
}
