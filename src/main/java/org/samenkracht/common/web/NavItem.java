package org.samenkracht.common.web;

import java.util.Set;

/** An entry in the main navigation, shown to users with one of the given roles (empty: everyone). */
public record NavItem(String path, String labelKey, int order, Set<String> roles) {
}
