package org.samenkracht.common.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.net.ConnectException;
import java.sql.SQLException;

/**
 * A database that cannot be reached at start-up stops the app with one clear line saying what to
 * set, instead of a long stack trace.
 */
public class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        if (!"08001".equals(cause.getSQLState()) && !"28P01".equals(cause.getSQLState())
                && !(cause.getCause() instanceof ConnectException)) {
            return null;
        }
        return new FailureAnalysis(
                "Samenkracht cannot reach its PostgreSQL database: " + cause.getMessage(),
                "Set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD to a reachable "
                        + "PostgreSQL server, or unset SPRING_DATASOURCE_URL to use the embedded database.",
                cause);
    }
}
