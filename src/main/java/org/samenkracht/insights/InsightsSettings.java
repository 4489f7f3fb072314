package org.samenkracht.insights;

import org.samenkracht.common.disclosure.Disclosure;
import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.insights.internal.InsightsStore;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The organisation's settings of the figures: the thresholds of disclosure control (3 to 10; sensitive topics from
 * the threshold up to 10) and the areas (each neighbourhood as written on a person's file, with its CBS codes). Kept by
 * the organisation's administrator only: the policy analyst, who reads the figures, cannot lower their protection.
 * One version for the whole setting: a change made on a stale version is refused (409), never lost in silence.
 */
@Service
public class InsightsSettings {

    private static final Pattern NEIGHBOURHOOD_CODE = Pattern.compile("BU[0-9A-Z]{1,12}");
    private static final Pattern DISTRICT_CODE = Pattern.compile("WK[0-9A-Z]{1,10}");
    private static final Pattern MUNICIPALITY_CODE = Pattern.compile("GM[0-9]{4}");

    /** One area: the neighbourhood's name as on the file, its CBS code, its district and municipality. */
    public record Area(String neighbourhood, String neighbourhoodCode, String districtCode, String districtName,
                       String municipalityCode, String municipalityName) {
    }

    public record Settings(int threshold, int sensitiveThreshold, int version, List<Area> areas) {
    }

    private final InsightsStore store;

    InsightsSettings(InsightsStore store) {
        this.store = store;
    }

    /**
     * The area list for the signalling network (issue 19): it maps postcodes to these neighbourhoods. Names and CBS
     * codes only; no person. Offered through the signals' own interface, as this module depends on that one.
     */
    @org.springframework.stereotype.Component
    static class AreasForSignals implements org.samenkracht.signals.AreaList {
        private final InsightsStore store;

        AreasForSignals(InsightsStore store) {
            this.store = store;
        }

        @Override
        public List<Area> areas(UUID organisationId) {
            return store.areas(organisationId).stream().map(a -> new Area(a[0], a[1], a[2], a[3])).toList();
        }
    }

    private static CurrentUser administrator() {
        CurrentUser user = CurrentUser.get();
        if (!user.is(Role.ADMINISTRATOR)) {
            throw new AccessRefused("access.refused.insightsSettings");
        }
        return user;
    }

    public Settings read() {
        UUID org = administrator().organisationId();
        Disclosure.Rules rules = store.rules(org);
        return new Settings(rules.threshold(), rules.sensitiveThreshold(), store.settingsVersion(org),
                store.areas(org).stream().map(a -> new Area(a[0], a[1], a[2], a[3], a[4], a[5])).toList());
    }

    /** New thresholds, on the version read. */
    @Transactional
    public Settings thresholds(Integer threshold, Integer sensitiveThreshold, Integer version) {
        UUID org = administrator().organisationId();
        checkThresholds(threshold, sensitiveThreshold);
        bump(org, version, threshold, sensitiveThreshold);
        return read();
    }

    /** Adds an area or changes the one with the same neighbourhood name, on the version read. */
    @Transactional
    public Settings putArea(Area area, Integer version) {
        UUID org = administrator().organisationId();
        Area a = checkArea(area, "");
        List<Area> all = new java.util.ArrayList<>(read().areas().stream()
                .filter(x -> !x.neighbourhood().equalsIgnoreCase(a.neighbourhood())).toList());
        all.add(a);
        checkTogether(all);
        bump(org, version, null, null);
        store.deleteArea(org, a.neighbourhood());
        store.ensureArea(org, a.neighbourhood(), a.neighbourhoodCode(), a.districtCode(), a.districtName(),
                a.municipalityCode(), a.municipalityName());
        return read();
    }

    /** Removes an area (its people count under "unknown" from the next refresh), on the version read. */
    @Transactional
    public Settings removeArea(String neighbourhood, Integer version) {
        UUID org = administrator().organisationId();
        if (neighbourhood == null || store.areas(org).stream().noneMatch(a -> a[0].equalsIgnoreCase(neighbourhood.trim()))) {
            throw new RuleViolation("neighbourhood", "insights.settings.unknownArea");
        }
        bump(org, version, null, null);
        store.deleteArea(org, neighbourhood.trim());
        return read();
    }

    /** The whole setting at once (the API's PUT): thresholds and the full list of areas, on the version read. */
    @Transactional
    public Settings replace(Integer threshold, Integer sensitiveThreshold, List<Area> areas, Integer version) {
        UUID org = administrator().organisationId();
        checkThresholds(threshold, sensitiveThreshold);
        if (areas == null) {
            throw new RuleViolation("areas", "validation.required");
        }
        if (areas.size() > 2000) {
            throw new RuleViolation("areas", "insights.settings.tooManyAreas");
        }
        List<Area> checked = new java.util.ArrayList<>();
        for (int i = 0; i < areas.size(); i++) {
            checked.add(checkArea(areas.get(i), "areas[" + i + "]."));
        }
        checkTogether(checked);
        bump(org, version, threshold, sensitiveThreshold);
        store.deleteAreas(org);
        for (Area a : checked) {
            store.ensureArea(org, a.neighbourhood(), a.neighbourhoodCode(), a.districtCode(), a.districtName(),
                    a.municipalityCode(), a.municipalityName());
        }
        return read();
    }

    private void bump(UUID org, Integer version, Integer threshold, Integer sensitiveThreshold) {
        if (version == null) {
            throw new RuleViolation("version", "validation.required");
        }
        if (!store.bumpSettings(org, version, threshold, sensitiveThreshold)) {
            throw new OptimisticLockingFailureException("insights settings changed meanwhile");
        }
    }

    static void checkThresholds(Integer threshold, Integer sensitiveThreshold) {
        if (threshold == null || threshold < 3 || threshold > 10) {
            throw new RuleViolation("threshold", "insights.settings.threshold");
        }
        if (sensitiveThreshold == null || sensitiveThreshold < threshold || sensitiveThreshold > 10) {
            throw new RuleViolation("sensitiveThreshold", "insights.settings.sensitiveThreshold", threshold);
        }
    }

    static Area checkArea(Area a, String prefix) {
        if (a == null) {
            throw new RuleViolation(prefix.isEmpty() ? "area" : prefix.substring(0, prefix.length() - 1), "validation.required");
        }
        String name = name(a.neighbourhood(), prefix + "neighbourhood");
        String bu = code(a.neighbourhoodCode(), NEIGHBOURHOOD_CODE, prefix + "neighbourhoodCode");
        String wk = code(a.districtCode(), DISTRICT_CODE, prefix + "districtCode");
        String district = name(a.districtName(), prefix + "districtName");
        String gm = code(a.municipalityCode(), MUNICIPALITY_CODE, prefix + "municipalityCode");
        String municipality = name(a.municipalityName(), prefix + "municipalityName");
        return new Area(name, bu, wk, district, gm, municipality);
    }

    /** The areas make one tree: codes used once, a district in one municipality under one name. */
    static void checkTogether(List<Area> areas) {
        Set<String> names = new HashSet<>();
        Set<String> codes = new HashSet<>();
        Map<String, Area> districts = new HashMap<>();
        for (Area a : areas) {
            if (!names.add(a.neighbourhood().toLowerCase(Locale.ROOT))) {
                throw new RuleViolation("neighbourhood", "insights.settings.twice", a.neighbourhood());
            }
            if (!codes.add(a.neighbourhoodCode())) {
                throw new RuleViolation("neighbourhoodCode", "insights.settings.twice", a.neighbourhoodCode());
            }
            Area d = districts.putIfAbsent(a.districtCode(), a);
            if (d != null && (!d.municipalityCode().equals(a.municipalityCode()) || !d.districtName().equals(a.districtName()))) {
                throw new RuleViolation("districtCode", "insights.settings.districtOneWay", a.districtCode());
            }
        }
    }

    private static String name(String v, String field) {
        if (v == null || v.isBlank() || v.trim().length() > 100 || v.chars().anyMatch(Character::isISOControl)) {
            throw new RuleViolation(field, "insights.settings.name");
        }
        return v.trim();
    }

    private static String code(String v, Pattern p, String field) {
        String c = v == null ? "" : v.trim().toUpperCase(Locale.ROOT);
        if (!p.matcher(c).matches()) {
            throw new RuleViolation(field, "insights.settings.code." + field.substring(field.lastIndexOf('.') + 1));
        }
        return c;
    }
}
