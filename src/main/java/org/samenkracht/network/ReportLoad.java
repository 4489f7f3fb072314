package org.samenkracht.network;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A report of an informal carer's load. Negative hours and reports from the future are refused. */
public record ReportLoad(
        @NotNull(message = "{validation.required}") @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) @PastOrPresent(message = "{network.load.future}") LocalDate reportedOn,
        @NotNull(message = "{validation.required}") @DecimalMin(value = "0", message = "{network.load.hoursRange}")
        @DecimalMax(value = "168", message = "{network.load.hoursRange}") BigDecimal hoursPerWeek,
        @Size(max = 1000, message = "{validation.tooLong}") String tasks,
        @NotNull(message = "{validation.required}") @Min(value = 1, message = "{network.load.scale}") @Max(value = 5, message = "{network.load.scale}") Integer capacity,
        @NotNull(message = "{validation.required}") @Min(value = 1, message = "{network.load.scale}") @Max(value = 5, message = "{network.load.scale}") Integer burden) {

    public static ReportLoad empty() {
        return new ReportLoad(LocalDate.now(Network.ZONE), null, "", null, null);
    }
}
