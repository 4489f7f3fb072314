package org.samenkracht.exploration;

import org.samenkracht.common.domain.RuleViolation;

import java.util.List;

/** Answers that break the instrument's rules; carries every problem so a page can show each at its field. */
public class InvalidAnswers extends RuleViolation {
    private final transient List<AnswerRules.Problem> problems;

    public InvalidAnswers(List<AnswerRules.Problem> problems) {
        super(problems.get(0).field(), problems.get(0).messageKey(), problems.get(0).args());
        this.problems = List.copyOf(problems);
    }

    public List<AnswerRules.Problem> problems() {
        return problems;
    }
}
