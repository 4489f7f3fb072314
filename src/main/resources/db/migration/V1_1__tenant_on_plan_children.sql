-- Goals and steps hold the person's own words, so they carry the organisation too. They are
-- saved as part of the plan aggregate; a trigger copies the organisation from their parent so
-- no code path can forget it.
alter table plan_goal add column organisation_id uuid references organisation (id);
alter table plan_step add column organisation_id uuid references organisation (id);

update plan_goal g set organisation_id = p.organisation_id from support_plan p where p.id = g.support_plan;
update plan_step s set organisation_id = g.organisation_id from plan_goal g where g.id = s.plan_goal;

alter table plan_goal alter column organisation_id set not null;
alter table plan_step alter column organisation_id set not null;

create function plan_goal_tenant() returns trigger language plpgsql as $$
begin
    select organisation_id into new.organisation_id from support_plan where id = new.support_plan;
    return new;
end $$;
create trigger plan_goal_tenant before insert or update on plan_goal
    for each row execute function plan_goal_tenant();

create function plan_step_tenant() returns trigger language plpgsql as $$
begin
    select organisation_id into new.organisation_id from plan_goal where id = new.plan_goal;
    return new;
end $$;
create trigger plan_step_tenant before insert or update on plan_step
    for each row execute function plan_step_tenant();
