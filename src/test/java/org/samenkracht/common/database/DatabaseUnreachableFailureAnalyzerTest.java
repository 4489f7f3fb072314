package org.samenkracht.common.database;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnreachableFailureAnalyzerTest {

    final DatabaseUnreachableFailureAnalyzer analyzer = new DatabaseUnreachableFailureAnalyzer();

    @Test
    void an_unreachable_database_says_what_to_set() {
        FailureAnalysis analysis = analyzer.analyze(new IllegalStateException("boot failed",
                new SQLException("Connection to localhost:1 refused.", "08001")));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL");
        assertThat(analysis.getDescription()).contains("cannot reach its PostgreSQL database");
    }

    @Test
    void other_sql_faults_are_left_to_the_default_report() {
        assertThat(analyzer.analyze(new SQLException("syntax error", "42601"))).isNull();
    }
}
