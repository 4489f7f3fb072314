package org.samenkracht.signals;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A signal is about someone: a name, or only an address. When both are empty, both fields are named in
 * the refusal (a form marks both, the API lists both).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NameOrAddress.Check.class)
public @interface NameOrAddress {

    String message() default "{signals.validation.nameOrAddress}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** What a signal says about whom. */
    interface Subject {
        String subjectName();

        String subjectAddress();
    }

    class Check implements ConstraintValidator<NameOrAddress, Subject> {
        @Override
        public boolean isValid(Subject s, ConstraintValidatorContext context) {
            if (s == null || !Signals.isBlank(s.subjectName()) || !Signals.isBlank(s.subjectAddress())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            String template = context.getDefaultConstraintMessageTemplate();
            context.buildConstraintViolationWithTemplate(template).addPropertyNode("subjectName").addConstraintViolation();
            context.buildConstraintViolationWithTemplate(template).addPropertyNode("subjectAddress").addConstraintViolation();
            return false;
        }
    }
}
