-- Issue 19, item 7: the concern route follows the five steps of the reporting code (meldcode), each with
-- its own page. Step 2 records whether the advice line (Veilig Thuis) was consulted; step 4 keeps the
-- answers to the five questions of the assessment framework; step 5 may organise help beside or instead
-- of a report (the report itself stays the step outside, kept as a sharing decision).
alter table concern add column advice_line_consulted boolean not null default false;
alter table concern add column q_suspicion boolean;
alter table concern add column q_danger text check (q_danger in ('NONE', 'ACUTE', 'STRUCTURAL'));
alter table concern add column q_can_help boolean;
alter table concern add column q_help_accepted boolean;
alter table concern add column q_result_in_time boolean;
alter table concern add column help_organised_at timestamptz;
alter table concern add column help_note text check (length(help_note) <= 4000);
