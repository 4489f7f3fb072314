/**
 * Operations: running Samenkracht at municipality scale and keeping it safe. The synthetic
 * municipality generator ({@link org.samenkracht.operations.SyntheticTable}: one implementation per
 * table, so a module that adds a table adds one class), a consistent logical backup and its
 * restore, and the operational settings (health, metrics, structured logs). Works on the database
 * directly (the generator and the backup see every table by nature), and asks privacy only to put a
 * backup in the audit log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations", allowedDependencies = {"common", "identity", "privacy"})
package org.samenkracht.operations;
