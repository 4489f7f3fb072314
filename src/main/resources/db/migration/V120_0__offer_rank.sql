-- Fast matching (issue 16, item 4): the part of an offer's matching score that does not depend on
-- the request (layer, cost, access, waiting, room, intensity), stored per life domain and location
-- with an index in score order. Matching reads it best first and stops as soon as the tenth best
-- offer found beats the best any unread offer could still reach (org.samenkracht.socialmap.Matching).
-- The weights are those of org.samenkracht.socialmap.MatchingPolicy; OfferRankTest checks that they agree.

create or replace function socialmap_static_score(layer text, cost_eur numeric, reduction_possible boolean,
                                                  access_route text, waiting_weeks integer, free_capacity integer,
                                                  intensity text)
    returns double precision language sql immutable parallel safe
    as $$ select (case layer when 'VOLUNTEER' then 24 when 'GENERAL_COLLECTIVE' then 16 else 0 end)
               + (case when cost_eur = 0 then 8 when reduction_possible then 2 else -4 end)
               + (case access_route when 'FREE' then 8 when 'REFERRAL' then 2 else -4 end)
               + (case when waiting_weeks = 0 then 4 else greatest(-20, -1.5 * waiting_weeks) end)
               + (case when free_capacity is null then 0 when free_capacity > 0 then 4 else -8 end)
               + (case intensity when 'SUPPORT' then 3 when 'CARE' then 1 else 0 end)::double precision $$;

-- One row per offer, life domain and location (latitude and longitude null when it has none).
create table socialmap_offer_rank (
    offer_id         uuid not null references socialmap_offer (id) on delete cascade,
    organisation_id  uuid not null,
    domain           text not null,
    static_score     double precision not null,
    target_groups    text[] not null,
    latitude         double precision,
    longitude        double precision
);
create index socialmap_offer_rank_order_idx on socialmap_offer_rank (organisation_id, domain, static_score desc);
create index socialmap_offer_rank_offer_idx on socialmap_offer_rank (offer_id);

create view socialmap_offer_rank_source as
    select o.id as offer_id, o.organisation_id, d.domain,
           socialmap_static_score(o.layer, o.cost_eur, o.reduction_possible, o.access_route, o.waiting_weeks,
                                  o.free_capacity, o.intensity) as static_score,
           o.target_groups, l.latitude, l.longitude
    from socialmap_offer o
    cross join lateral unnest(o.domains) d(domain)
    left join socialmap_location l on l.offer_id = o.id;

-- Kept up to date by statement triggers on offers and locations; an import that writes many rows
-- sets samenkracht.rank_later to 'on' for its transaction and fills the rows once at the end.
create or replace function socialmap_rank_offers_changed() returns trigger language plpgsql as $$
begin
    if coalesce(current_setting('samenkracht.rank_later', true), '') = 'on' then
        return null;
    end if;
    delete from socialmap_offer_rank where offer_id in (select id from changed);
    insert into socialmap_offer_rank select * from socialmap_offer_rank_source where offer_id in (select id from changed);
    return null;
end $$;

create or replace function socialmap_rank_locations_changed() returns trigger language plpgsql as $$
begin
    if coalesce(current_setting('samenkracht.rank_later', true), '') = 'on' then
        return null;
    end if;
    delete from socialmap_offer_rank where offer_id in (select offer_id from changed);
    insert into socialmap_offer_rank select * from socialmap_offer_rank_source
        where offer_id in (select offer_id from changed);
    return null;
end $$;

create trigger socialmap_rank_offer_inserted after insert on socialmap_offer
    referencing new table as changed for each statement execute function socialmap_rank_offers_changed();
create trigger socialmap_rank_offer_updated after update on socialmap_offer
    referencing new table as changed for each statement execute function socialmap_rank_offers_changed();
create trigger socialmap_rank_location_inserted after insert on socialmap_location
    referencing new table as changed for each statement execute function socialmap_rank_locations_changed();
create trigger socialmap_rank_location_updated after update on socialmap_location
    referencing new table as changed for each statement execute function socialmap_rank_locations_changed();
create trigger socialmap_rank_location_deleted after delete on socialmap_location
    referencing old table as changed for each statement execute function socialmap_rank_locations_changed();

insert into socialmap_offer_rank select * from socialmap_offer_rank_source;
