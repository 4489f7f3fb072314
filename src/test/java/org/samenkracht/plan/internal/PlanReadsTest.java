package org.samenkracht.plan.internal;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.PERSON_JONAS;

/** The one-round-trip read model shows exactly what the aggregate holds. */
@SamenkrachtTest
class PlanReadsTest {

    @Autowired PlanStore store;

    @Test
    @Transactional
    void theReadModelEqualsTheViewBuiltFromTheAggregate() {
        PlanStore.Names names = new PlanStore.Names(id -> "member " + id, id -> "professional " + id);
        var fromSql = store.current(PERSON_JONAS, names).orElseThrow();
        var fromAggregate = store.currentFromAggregate(PERSON_JONAS, names).orElseThrow();
        assertThat(fromSql.goals()).isNotEmpty();
        assertThat(fromSql.goals().get(0).options()).isNotEmpty();
        assertThat(fromSql).usingRecursiveComparison().isEqualTo(fromAggregate);
    }
}
