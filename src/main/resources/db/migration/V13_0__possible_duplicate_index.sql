-- Registering looks for a file that may already be the same person (same name and date of birth)
-- in the organisation; this index answers that without reading every file of a large municipality.
create index person_name_birth_idx on person (organisation_id, lower(trim(family_name)), date_of_birth);
