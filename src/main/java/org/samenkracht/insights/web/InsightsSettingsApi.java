package org.samenkracht.insights.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.samenkracht.insights.InsightsSettings;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The settings of the figures as JSON, for the organisation's administrator: the same read model and checks as the page. */
@RestController
@RequestMapping(value = "/api/v1/insights/settings", produces = "application/json")
@Tag(name = "Insights", description = "Disclosure-controlled figures per neighbourhood, district and municipality (policy analysts)")
class InsightsSettingsApi {

    private final InsightsSettings settings;

    InsightsSettingsApi(InsightsSettings settings) {
        this.settings = settings;
    }

    public record Change(Integer threshold, Integer sensitiveThreshold, List<InsightsSettings.Area> areas, Integer version) {
    }

    @Operation(summary = "The thresholds of disclosure control and the areas with their CBS codes (administrator)")
    @GetMapping
    InsightsSettings.Settings read() {
        return settings.read();
    }

    @Operation(summary = "Replace the thresholds (3-10; sensitive from the threshold up to 10) and the full list of areas; "
            + "version is the one you read (a stale one gives 409); a bad value gives 422 naming the field")
    @PutMapping(consumes = "application/json")
    InsightsSettings.Settings replace(@RequestBody Change change) {
        if (change == null) {
            throw new org.samenkracht.common.domain.RuleViolation("version", "validation.required");
        }
        return settings.replace(change.threshold(), change.sensitiveThreshold(), change.areas(), change.version());
    }

    public record AreaChange(String neighbourhood, String neighbourhoodCode, String districtCode, String districtName,
                             String municipalityCode, String municipalityName, Integer version) {
    }

    @Operation(summary = "Add a neighbourhood with its CBS codes, or change the one of the same name; version is the one you read")
    @PutMapping(value = "/areas", consumes = "application/json")
    InsightsSettings.Settings putArea(@RequestBody AreaChange a) {
        if (a == null) {
            throw new org.samenkracht.common.domain.RuleViolation("version", "validation.required");
        }
        return settings.putArea(new InsightsSettings.Area(a.neighbourhood(), a.neighbourhoodCode(), a.districtCode(), a.districtName(),
                a.municipalityCode(), a.municipalityName()), a.version());
    }

    @Operation(summary = "Remove a neighbourhood (its people count under 'unknown' from the next refresh); version is the one you read")
    @DeleteMapping("/areas")
    InsightsSettings.Settings removeArea(@RequestParam(required = false) String neighbourhood,
                                         @RequestParam(required = false) String version) {
        return settings.removeArea(neighbourhood, InsightsSettingsPages.number(version, "version"));
    }
}
