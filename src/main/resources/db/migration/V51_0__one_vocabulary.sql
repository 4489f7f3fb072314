-- One vocabulary (org.samenkracht.vocabulary) for life domains, layers of support and intensity, used
-- by exploration, network, plan, social map and matching. Existing data moves to the shared names:
--   layer      network NATURAL → NETWORK, COMMUNITY → GENERAL_COLLECTIVE, PROFESSIONAL → INDIVIDUAL_PROFESSIONAL;
--              plan GENERAL → GENERAL_COLLECTIVE, PROFESSIONAL → INDIVIDUAL_PROFESSIONAL
--   intensity  plan STEUN → SUPPORT, ZORG → CARE, OVERNAME → TAKEOVER (the social map already used these)
--   domain     plan RELATIONSHIPS → INTERPERSONAL_RELATIONS (the social map already used this)
-- Signed plan versions (plan_version.snapshot) stay as they were signed; the vocabulary's readers
-- (Layer.of, Intensity.of, LifeDomain.of) still understand the former names.

alter table network_member drop constraint if exists network_member_layer_check;
update network_member set layer = case layer
        when 'NATURAL' then 'NETWORK' when 'COMMUNITY' then 'GENERAL_COLLECTIVE'
        when 'PROFESSIONAL' then 'INDIVIDUAL_PROFESSIONAL' else layer end
    where layer in ('NATURAL', 'COMMUNITY', 'PROFESSIONAL');
alter table network_member add constraint network_member_layer_check
    check (layer in ('NETWORK', 'GENERAL_COLLECTIVE', 'VOLUNTEER', 'INDIVIDUAL_PROFESSIONAL'));

-- The member history is append-only for the application; this one-time renaming of a code (not of a
-- fact) is done by the schema owner with the guard off, then the guard is back on.
alter table network_member_version disable trigger network_member_version_append_only;
update network_member_version set layer = case layer
        when 'NATURAL' then 'NETWORK' when 'COMMUNITY' then 'GENERAL_COLLECTIVE'
        when 'PROFESSIONAL' then 'INDIVIDUAL_PROFESSIONAL' else layer end
    where layer in ('NATURAL', 'COMMUNITY', 'PROFESSIONAL');
alter table network_member_version enable trigger network_member_version_append_only;
alter table network_member_version drop constraint if exists network_member_version_layer_check;
alter table network_member_version add constraint network_member_version_layer_check
    check (layer in ('NETWORK', 'GENERAL_COLLECTIVE', 'VOLUNTEER', 'INDIVIDUAL_PROFESSIONAL'));

alter table plan_step drop constraint if exists plan_step_layer_check;
alter table plan_step drop constraint if exists plan_step_intensity_check;
update plan_step set layer = case layer
        when 'GENERAL' then 'GENERAL_COLLECTIVE' when 'PROFESSIONAL' then 'INDIVIDUAL_PROFESSIONAL' else layer end
    where layer in ('GENERAL', 'PROFESSIONAL');
update plan_step set intensity = case intensity
        when 'STEUN' then 'SUPPORT' when 'ZORG' then 'CARE' when 'OVERNAME' then 'TAKEOVER' else intensity end
    where intensity in ('STEUN', 'ZORG', 'OVERNAME');
alter table plan_step alter column intensity set default 'SUPPORT';
alter table plan_step add constraint plan_step_layer_check
    check (layer in ('OWN_STRENGTH', 'NETWORK', 'GENERAL_COLLECTIVE', 'VOLUNTEER', 'INDIVIDUAL_PROFESSIONAL'));
alter table plan_step add constraint plan_step_intensity_check check (intensity in ('SUPPORT', 'CARE', 'TAKEOVER'));

update plan_goal set domains = array_replace(domains, 'RELATIONSHIPS', 'INTERPERSONAL_RELATIONS')
    where 'RELATIONSHIPS' = any(domains);
alter table plan_goal drop constraint if exists plan_goal_domains_check;
alter table plan_goal add constraint plan_goal_domains_check check (domains <@ array[
    'EMOTIONAL_WELLBEING', 'INTERPERSONAL_RELATIONS', 'MATERIAL_WELLBEING', 'PERSONAL_DEVELOPMENT',
    'PHYSICAL_WELLBEING', 'SELF_DETERMINATION', 'SOCIAL_INCLUSION', 'RIGHTS']::text[]);
alter table socialmap_offer drop constraint if exists socialmap_offer_domains_known;
alter table socialmap_offer add constraint socialmap_offer_domains_known check (domains <@ array[
    'EMOTIONAL_WELLBEING', 'INTERPERSONAL_RELATIONS', 'MATERIAL_WELLBEING', 'PERSONAL_DEVELOPMENT',
    'PHYSICAL_WELLBEING', 'SELF_DETERMINATION', 'SOCIAL_INCLUSION', 'RIGHTS']::text[]);
