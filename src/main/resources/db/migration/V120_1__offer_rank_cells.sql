-- Fast matching, second design (issue 16, item 4). The stored order of V120_0 was read per life domain only, so
-- matching still visited every offer of the domain whose stored part was high, wherever it was and whomever it
-- served (p95 160 ms at 100 000 offers). Now there is one row per offer, life domain, target group and location,
-- with the grid cell of the location, and the order is kept per (domain, target group, cell): matching reads only
-- the cells near the person, for the person's target groups, each best first and only as far as the cell's own
-- bound (the most nearness can add anywhere in the cell) still reaches the tenth best score
-- (org.samenkracht.socialmap.internal.OfferStore#fastCandidates).

-- The grid cell of a point: 0.04 degree of latitude (4.4 km) by 0.06 degree of longitude (4.2 km at 51 degrees
-- north). OfferStore.cell computes the same numbers from the same divisions.
create or replace function socialmap_cell(latitude double precision, longitude double precision)
    returns bigint language sql immutable parallel safe strict
    as $$ select (floor(latitude / 0.04)::bigint + 10000) * 100000 + (floor(longitude / 0.06)::bigint + 50000) $$;

drop trigger socialmap_rank_offer_inserted on socialmap_offer;
drop trigger socialmap_rank_offer_updated on socialmap_offer;
drop trigger socialmap_rank_location_inserted on socialmap_location;
drop trigger socialmap_rank_location_updated on socialmap_location;
drop trigger socialmap_rank_location_deleted on socialmap_location;
drop view socialmap_offer_rank_source;
drop table socialmap_offer_rank;

-- One row per offer, life domain, target group and location (latitude, longitude and cell null when it has none).
-- layer and intensity let matching skip help the person refuses without reading the offer.
create table socialmap_offer_rank (
    offer_id         uuid not null references socialmap_offer (id) on delete cascade,
    organisation_id  uuid not null,
    domain           text not null,
    target_group     text not null,
    static_score     double precision not null,
    target_groups    text[] not null,
    layer            text not null,
    intensity        text not null,
    latitude         double precision,
    longitude        double precision,
    cell             bigint
);
-- near a place: per cell; without a place, or beyond the nearness radius: per target group
create index socialmap_offer_rank_cell_idx on socialmap_offer_rank (organisation_id, domain, target_group, cell, static_score desc);
create index socialmap_offer_rank_order_idx on socialmap_offer_rank (organisation_id, domain, target_group, static_score desc);
create index socialmap_offer_rank_offer_idx on socialmap_offer_rank (offer_id);

create view socialmap_offer_rank_source as
    select o.id as offer_id, o.organisation_id, d.domain, g.target_group,
           socialmap_static_score(o.layer, o.cost_eur, o.reduction_possible, o.access_route, o.waiting_weeks,
                                  o.free_capacity, o.intensity) as static_score,
           o.target_groups, o.layer, o.intensity, l.latitude, l.longitude, socialmap_cell(l.latitude, l.longitude) as cell
    from socialmap_offer o
    cross join lateral unnest(o.domains) d(domain)
    cross join lateral unnest(o.target_groups) g(target_group)
    left join socialmap_location l on l.offer_id = o.id;

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
analyze socialmap_offer_rank;
