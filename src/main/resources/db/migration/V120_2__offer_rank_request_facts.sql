-- Fast matching, fourth look (issue 16, item 4). The bound on what a request can still add to an offer's stored part
-- took the most the language (+6) and the days (+3) could add for every row, while an offer in another language gets
-- -12 and one closed on the person's days -10; the goal's words (+10) it added to every row, while only about one offer in
-- eight holds one of them: at 100 000 offers about 150-500 offers per match passed the bound and were each looked up and
-- scored, for a top 10. The rank row now also carries the offer's languages, opening minutes, last check and words
-- (the lexemes of its search vector, without positions), so the bound is the score itself but for the nearness of the
-- offer's other locations (org.samenkracht.socialmap.internal.OfferStore#fastCandidates).
--
-- The new columns come last and the view lists them in the same order: the import and the triggers fill the table
-- with "insert into socialmap_offer_rank select * from socialmap_offer_rank_source".

alter table socialmap_offer_rank
    add column languages    text[],
    add column open_minutes int4multirange,
    add column last_checked date,
    add column lexemes      tsvector;

create or replace view socialmap_offer_rank_source as
    select o.id as offer_id, o.organisation_id, d.domain, g.target_group,
           socialmap_static_score(o.layer, o.cost_eur, o.reduction_possible, o.access_route, o.waiting_weeks,
                                  o.free_capacity, o.intensity) as static_score,
           o.target_groups, o.layer, o.intensity, l.latitude, l.longitude, socialmap_cell(l.latitude, l.longitude) as cell,
           o.languages, o.open_minutes, o.last_checked, strip(o.search) as lexemes
    from socialmap_offer o
    cross join lateral unnest(o.domains) d(domain)
    cross join lateral unnest(o.target_groups) g(target_group)
    left join socialmap_location l on l.offer_id = o.id;

truncate socialmap_offer_rank;
insert into socialmap_offer_rank select * from socialmap_offer_rank_source;
analyze socialmap_offer_rank;
