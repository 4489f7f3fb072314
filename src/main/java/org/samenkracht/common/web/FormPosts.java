package org.samenkracht.common.web;

import org.samenkracht.common.domain.RuleViolation;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A form post: validate the command, run it; a refusal comes back as 422 on the same page, naming the
 * field and keeping what was typed ({@code typed} in the model).
 */
public class FormPosts {

    private final Validator validator;
    private final MessageSource messages;
    /** Where the module keeps its field labels, for instance {@code team.field.}. */
    private final String labels;

    protected FormPosts(Validator validator, MessageSource messages, String labels) {
        this.validator = validator;
        this.messages = messages;
        this.labels = labels;
    }

    /** Runs {@code work} when {@code command} is valid; returns the problems (empty when it went through). */
    public List<String> run(Object command, Runnable work) {
        List<String> problems = new ArrayList<>();
        if (command != null) {
            for (var v : validator.validate(command)) {
                problems.add(label(v.getPropertyPath().toString()) + v.getMessage());
            }
        }
        if (problems.isEmpty()) {
            try {
                work.run();
            } catch (RuleViolation v) {
                problems.add(label(v.field()) + messages.getMessage(v.messageKey(), v.args(), v.messageKey(),
                        LocaleContextHolder.getLocale()));
            }
        }
        return problems;
    }

    public String refused(List<String> problems, Map<String, String> typed, Model model, HttpServletResponse response,
                   Supplier<String> page) {
        response.setStatus(422);
        model.addAttribute("problems", problems);
        model.addAttribute("typed", typed);
        return page.get();
    }

    private String label(String field) {
        String base = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
        base = base.replaceAll("\\[.*]", "");
        String text = messages.getMessage(labels + base, null, "", LocaleContextHolder.getLocale());
        return text.isEmpty() ? "" : text + ": ";
    }
}
