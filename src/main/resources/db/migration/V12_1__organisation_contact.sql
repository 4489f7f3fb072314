-- The organisation's contact (phone, e-mail, address) as printed at the foot of every PDF it makes.
alter table organisation add column contact text check (contact is null or length(contact) between 1 and 300);
