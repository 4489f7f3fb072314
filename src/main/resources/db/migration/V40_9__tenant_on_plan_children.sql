-- Options, refusals, family views and evaluation results hold the person's words too, so they
-- carry the organisation; as for goals and steps (V1_1) a trigger takes it from the parent.
create function tenant_from_support_plan() returns trigger language plpgsql as $$
begin
    select organisation_id into new.organisation_id from support_plan where id = new.support_plan;
    return new;
end $$;

alter table plan_refusal add column organisation_id uuid references organisation (id);
update plan_refusal c set organisation_id = p.organisation_id from support_plan p where p.id = c.support_plan;
alter table plan_refusal alter column organisation_id set not null;
create trigger plan_refusal_tenant before insert or update on plan_refusal
    for each row execute function tenant_from_support_plan();

alter table plan_family_view add column organisation_id uuid references organisation (id);
update plan_family_view c set organisation_id = p.organisation_id from support_plan p where p.id = c.support_plan;
alter table plan_family_view alter column organisation_id set not null;
create trigger plan_family_view_tenant before insert or update on plan_family_view
    for each row execute function tenant_from_support_plan();

create function plan_option_tenant() returns trigger language plpgsql as $$
begin
    select organisation_id into new.organisation_id from plan_goal where id = new.plan_goal;
    return new;
end $$;
alter table plan_option add column organisation_id uuid references organisation (id);
update plan_option c set organisation_id = g.organisation_id from plan_goal g where g.id = c.plan_goal;
alter table plan_option alter column organisation_id set not null;
create trigger plan_option_tenant before insert or update on plan_option
    for each row execute function plan_option_tenant();

create function plan_evaluation_goal_tenant() returns trigger language plpgsql as $$
begin
    select organisation_id into new.organisation_id from plan_evaluation where id = new.evaluation;
    return new;
end $$;
alter table plan_evaluation_goal add column organisation_id uuid references organisation (id);
update plan_evaluation_goal c set organisation_id = e.organisation_id from plan_evaluation e where e.id = c.evaluation;
alter table plan_evaluation_goal alter column organisation_id set not null;
create trigger plan_evaluation_goal_tenant before insert or update on plan_evaluation_goal
    for each row execute function plan_evaluation_goal_tenant();
