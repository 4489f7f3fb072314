package org.samenkracht.plan.internal;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.Optional;
import java.util.UUID;

interface SupportPlanRepository extends ListCrudRepository<SupportPlan, UUID> {

    @Query("select * from support_plan where person_id = :personId and status <> 'ENDED' order by created_at desc limit 1")
    Optional<SupportPlan> findCurrent(UUID personId);
}
