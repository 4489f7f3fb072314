/**
 * What truly every module needs: the database start-up, error pages and API errors,
 * locale handling, and the fixed ids of the fictional demo municipality.
 * Open, so every module may use its sub-packages.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.samenkracht.common;
