-- Issue 19, item 4: a file is opened from a signal only on a recorded ground: the person's consent (when, given by
-- the person or a representative, named), or a ground the secrecy rules allow without consent (acute danger: the
-- duty to help; a conflict of duties weighed; the reporting code's step 5), each with its justification.
-- Nullable: files opened before this version keep no ground (they were opened with a decision and its reason).
alter table signal add column file_ground text
    check (file_ground in ('CONSENT', 'ACUTE_DANGER', 'CONFLICT_OF_DUTIES', 'REPORTING_CODE'));
alter table signal add column file_consent_on date;
alter table signal add column file_consent_by text check (file_consent_by in ('PERSON', 'REPRESENTATIVE'));
alter table signal add column file_consent_representative text check (length(file_consent_representative) between 1 and 200);
alter table signal add column file_ground_justification text check (length(file_ground_justification) <= 2000);
alter table signal add column file_opened_by uuid references app_user (id);
alter table signal add column file_opened_at timestamptz;
alter table signal add constraint signal_file_ground_complete check (
    file_ground is null
    or (file_ground = 'CONSENT' and file_consent_on is not null and file_consent_by is not null
        and (file_consent_by = 'PERSON' or file_consent_representative is not null))
    or (file_ground <> 'CONSENT' and file_ground_justification is not null));

-- Follow-up actions of item 4: check with the GP, or with family, besides the own team.
alter table signal_action drop constraint signal_action_kind_check;
alter table signal_action add constraint signal_action_kind_check check (kind in ('HOME_VISIT', 'PHONE_CALL',
    'VIA_NETWORK_MEMBER', 'CONSULT_TEAM', 'CHECK_GP', 'CHECK_FAMILY', 'PRACTICAL_HELP', 'SUPPORT_SIGNALLER', 'CRISIS'));

-- Issue 19, item 6: core and shell partners of the network, and the covenant and privacy rules they signed.
-- Core partners take part in every meeting; shell partners are asked when a case concerns them.
alter table signal_partner_agreement add column membership text not null default 'SHELL'
    check (membership in ('CORE', 'SHELL'));
-- The versions of the covenant and of the privacy rules in force for the organisation's network.
alter table signal_settings add column covenant_version text not null default '1' check (covenant_version ~ '^[A-Za-z0-9._-]{1,20}$');
alter table signal_settings add column privacy_rules_version text not null default '1'
    check (privacy_rules_version ~ '^[A-Za-z0-9._-]{1,20}$');
-- Who signed for the partner, when, which versions; the newest signature counts, the older ones stay as history.
create table signal_covenant_signature (
    id                    uuid primary key,
    organisation_id       uuid not null references organisation (id),
    agreement_id          uuid not null references signal_partner_agreement (id),
    signed_by             text not null check (length(signed_by) between 1 and 200),
    signed_on             date not null,
    covenant_version      text not null check (covenant_version ~ '^[A-Za-z0-9._-]{1,20}$'),
    privacy_rules_version text not null check (privacy_rules_version ~ '^[A-Za-z0-9._-]{1,20}$'),
    recorded_by           uuid not null references app_user (id),
    recorded_at           timestamptz not null default now()
);
create index signal_covenant_signature_agreement on signal_covenant_signature (agreement_id, signed_on desc, recorded_at desc);

-- An attendee of a network meeting may represent a partner of the network (only one that signed the covenant in force).
alter table signal_meeting_attendee add column agreement_id uuid references signal_partner_agreement (id);

-- Issue 19, optimistic locking on the settings: a row saved before this version starts at 1, so a form showing a
-- kind without a row of its own (version 0) can no longer overwrite one saved meanwhile.
update signal_deadline_profile set version = version + 1;
update signal_concern_deadline set version = version + 1;
update signal_postcode_area set version = version + 1;
