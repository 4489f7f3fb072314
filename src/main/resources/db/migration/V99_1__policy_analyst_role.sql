-- The policy analyst (insights, issue 22) joins the one list of roles; identity.Role names the same list.
alter table app_user drop constraint if exists app_user_role_check;
alter table app_user add constraint app_user_role_check check (role in
    ('PROFESSIONAL', 'COACH', 'ADMINISTRATOR', 'PERSON', 'NETWORK_MEMBER', 'SIGNALLING_PARTNER', 'VOLUNTEER', 'COORDINATOR',
     'POLICY_ANALYST'));
