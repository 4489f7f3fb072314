/**
 * Insights for municipalities and organisations (issue 22): strengths-based figures per neighbourhood, district
 * and municipality and per organisation over time, kept in the module's own aggregate tables, refreshed on a
 * schedule and on demand. Every figure leaves through {@link org.samenkracht.common.disclosure.Disclosure}, the one gate
 * of disclosure control, whatever the path (page, chart, CSV, PDF, API). The policy analyst sees only these
 * figures, never a person.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insights",
        allowedDependencies = {"common", "identity", "privacy", "person", "network",
                "plan", "exploration", "signals", "vocabulary"})
package org.samenkracht.insights;
