package org.samenkracht.common.web;

import java.util.UUID;

/**
 * A tab in a person's file. Each module declares its own tab as a bean, so the file grows with
 * the modules without a shared list to edit. {@code pathTemplate} contains {@code {id}}.
 * {@code resource} names what the tab's page reads (as the access gate knows it): a viewer who may
 * not read it does not see the tab, so no tab leads to a refusal.
 */
public record PersonTab(String key, String labelKey, String pathTemplate, int order, String resource) {

    public PersonTab(String key, String labelKey, String pathTemplate, int order) {
        this(key, labelKey, pathTemplate, order, key);
    }

    public String path(UUID personId) {
        return pathTemplate.replace("{id}", personId.toString());
    }
}
