/**
 * Operations: running Samenkracht at municipality scale and keeping it safe. The synthetic
 * municipality generator ({@link org.samenkracht.operations.SyntheticTable}: one implementation per
 * table, so a module that adds a table adds one class), a consistent logical backup and its
 * restore, and the operational settings (health, metrics, structured logs). Works on the database
 * directly, so it depends on no other module's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations", allowedDependencies = {"common", "identity"})
package org.samenkracht.operations;
