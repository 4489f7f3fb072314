-- Issue 14, item 3: emergency access across organisations is asked, not taken. A professional of an
-- organisation already taking part in the person's support opens the file at once (status OPEN); anyone
-- else asks (ASKED), and the person's team (its coach, or the organisation's professional on duty)
-- approves (OPEN, from the approval on, for the usual time) or refuses (REFUSED). Only OPEN and not
-- expired opens the file.
alter table emergency_access
    add column status        text not null default 'OPEN' check (status in ('ASKED', 'OPEN', 'REFUSED')),
    add column asked_at      timestamptz,
    add column decided_at    timestamptz,
    add column decided_by    uuid references app_user (id),
    add column decision_note text check (length(decision_note) <= 2000),
    add constraint emergency_access_decided check ((decided_at is null) = (decided_by is null)),
    add constraint emergency_access_asked_decided check (status <> 'ASKED' or decided_at is null);
create index emergency_access_asked_idx on emergency_access (person_id) where status = 'ASKED';

alter table privacy_notification drop constraint privacy_notification_kind_check;
alter table privacy_notification add constraint privacy_notification_kind_check
    check (kind in ('EMERGENCY_ACCESS', 'EMERGENCY_ASKED', 'EMERGENCY_INFORMED', 'AUDIT_QUESTION'));
