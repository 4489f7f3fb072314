-- Issue 16, import and exchange: a file with bad rows imports nothing unless the user asked for the good
-- rows only (only_good); such a refused import is recorded with every bad row. HSDS 3 JSON is a third format.
alter table socialmap_import add column only_good boolean not null default false;
alter table socialmap_import drop constraint socialmap_import_status_check;
alter table socialmap_import add constraint socialmap_import_status_check
    check (status in ('RUNNING', 'DONE', 'FAILED', 'REFUSED'));
alter table socialmap_import drop constraint socialmap_import_format_check;
alter table socialmap_import add constraint socialmap_import_format_check check (format in ('CSV', 'JSON', 'HSDS'));
