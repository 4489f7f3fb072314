-- Issue 19, item 7. Step 3 may be skipped with a recorded reason: the old rule "weighed only after the family was told"
-- forced a false record that they were told. The new rule: told, or a reason for not telling them.
do $$
declare c record;
begin
    for c in select conname from pg_constraint
             where conrelid = 'concern'::regclass and contype = 'c'
               and pg_get_constraintdef(oid) ilike '%weighed_at IS NULL%shared_with_family_at IS NOT NULL%'
               and pg_get_constraintdef(oid) not ilike '%family_skipped_reason%'
    loop
        execute format('alter table concern drop constraint %I', c.conname);
    end loop;
end $$;
alter table concern add constraint concern_weighed_after_family_step
    check (weighed_at is null or shared_with_family_at is not null or family_skipped_reason is not null);
