package org.samenkracht.common.web;

import java.util.UUID;

/**
 * A tab in a person's file. Each module declares its own tab as a bean, so the file grows with
 * the modules without a shared list to edit. {@code pathTemplate} contains {@code {id}}.
 */
public record PersonTab(String key, String labelKey, String pathTemplate, int order) {
    public String path(UUID personId) {
        return pathTemplate.replace("{id}", personId.toString());
    }
}
