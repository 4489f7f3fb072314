/**
 * Team practice (issue 21): caseload as bandwidth (weighted by what Samenkracht knows, against a
 * bandwidth the team agrees), continuity of the assigned worker, the warm handover the person co-signs,
 * and reviews of the trajectory from several viewpoints with who decides when views differ.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Team",
        allowedDependencies = {"common", "identity", "privacy", "person", "network", "plan"})
package org.samenkracht.team;
