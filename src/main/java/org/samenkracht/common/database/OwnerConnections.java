package org.samenkracht.common.database;

import javax.sql.DataSource;

/**
 * Connections as the schema's owner, for the operator commands that need more than the
 * application's role may do (restore, generate) and for tests that play an attacker with the
 * owner's rights. With an external server it is the configured datasource: run those commands
 * with the owner's credentials (docs/operations.md).
 */
@FunctionalInterface
public interface OwnerConnections {
    DataSource dataSource();
}
