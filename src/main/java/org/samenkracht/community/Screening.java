package org.samenkracht.community;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The steps before a volunteer is matched, each with its date: certificate of good conduct (VOG),
 * intake, basic training, signed agreement. Only a volunteer with all four is ever suggested.
 */
public record Screening(LocalDate conductCertificateOn, LocalDate intakeOn, LocalDate trainingOn, LocalDate agreementOn) {

    public enum Step { CONDUCT_CERTIFICATE, INTAKE, TRAINING, AGREEMENT }

    public static Screening none() {
        return new Screening(null, null, null, null);
    }

    public boolean complete() {
        return missing().isEmpty();
    }

    public List<Step> missing() {
        List<Step> missing = new ArrayList<>();
        if (conductCertificateOn == null) missing.add(Step.CONDUCT_CERTIFICATE);
        if (intakeOn == null) missing.add(Step.INTAKE);
        if (trainingOn == null) missing.add(Step.TRAINING);
        if (agreementOn == null) missing.add(Step.AGREEMENT);
        return missing;
    }

    public Screening with(Step step, LocalDate on) {
        return switch (step) {
            case CONDUCT_CERTIFICATE -> new Screening(on, intakeOn, trainingOn, agreementOn);
            case INTAKE -> new Screening(conductCertificateOn, on, trainingOn, agreementOn);
            case TRAINING -> new Screening(conductCertificateOn, intakeOn, on, agreementOn);
            case AGREEMENT -> new Screening(conductCertificateOn, intakeOn, trainingOn, on);
        };
    }
}
