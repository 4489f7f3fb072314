package org.samenkracht.exploration.internal;

import org.samenkracht.exploration.InvalidInstrumentDefinition;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** An instrument definition that does not validate stops the start-up with the file and the fault in one line. */
public class InvalidInstrumentFailureAnalyzer extends AbstractFailureAnalyzer<InvalidInstrumentDefinition> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidInstrumentDefinition cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the definition under src/main/resources/instruments/ (Questionnaire-shaped JSON, see "
                        + "docs/architecture.md, section Exploration) and start again.", cause);
    }
}
