-- Issue 20: the support behind a plan step can end (a buddy match ended, the person left a support group or an
-- activity). The step stays in the plan, marked ended with the reason (a message key of the module that provided
-- the support); the plan module writes it on the event StepEnded, no other module writes plan_step.
alter table plan_step
    add column ended_on     date,
    add column ended_reason text check (length(ended_reason) <= 200),
    add constraint plan_step_ended_reason check (ended_reason is null or ended_on is not null);
