-- Issue 19, item 9: the neighbourhood a signal is about, as written on a person's file (the same names, so the
-- insights' area list maps them to CBS codes): chosen on the form, or taken from the file the signal is linked to.
-- Nullable: signals from before, and signals whose neighbourhood nobody knows, count as "neighbourhood unknown".
alter table signal add column neighbourhood text check (length(neighbourhood) between 1 and 100);
