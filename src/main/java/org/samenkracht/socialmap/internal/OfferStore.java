package org.samenkracht.socialmap.internal;

import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import org.samenkracht.vocabulary.LifeDomain;
import org.samenkracht.socialmap.MatchingPolicy;
import org.samenkracht.socialmap.Offer;
import org.samenkracht.socialmap.OfferData;
import org.samenkracht.socialmap.OfferTerms;
import org.samenkracht.socialmap.OpeningHours;
import org.samenkracht.socialmap.SearchQuery;
import org.samenkracht.socialmap.SearchResult;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Offers in PostgreSQL: writes, the full-text and faceted search, and the candidates for matching. */
@Repository
public class OfferStore {

    static final String OFFER_COLUMNS = """
            o.id, o.provider_id, p.name as provider_name, p.kind as provider_kind, o.external_key, o.name,
            o.description, o.goals_served, o.domains, o.target_groups, o.layer, o.intensity, o.working_area,
            o.opening_hours, o.access_route, o.cost_eur, o.reduction_possible, o.languages, o.accessibility,
            o.waiting_weeks, o.free_capacity, o.contact_phone, o.contact_email, o.website, o.last_checked, o.version,
            array(select l.address from socialmap_location l where l.offer_id = o.id order by l.position) as loc_address,
            array(select l.latitude from socialmap_location l where l.offer_id = o.id order by l.position) as loc_lat,
            array(select l.longitude from socialmap_location l where l.offer_id = o.id order by l.position) as loc_lon,
            (select count(*) from socialmap_report r where r.offer_id = o.id and r.resolved_at is null) as open_reports
            """;

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate streaming;

    private final org.springframework.transaction.support.TransactionTemplate transaction;

    OfferStore(JdbcClient jdbc, javax.sql.DataSource dataSource,
               org.springframework.transaction.PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.streaming = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
    }

    public UUID provider(UUID organisationId, String name, OfferTerms.ProviderKind kind) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into socialmap_provider (id, organisation_id, name, kind) values (?, ?, ?, ?)
                on conflict (organisation_id, name) do update set kind = excluded.kind""")
                .params(id, organisationId, name, kind.name()).update();
        return jdbc.sql("select id from socialmap_provider where organisation_id = ? and name = ?")
                .params(organisationId, name).query(UUID.class).single();
    }

    public UUID insert(UUID organisationId, OfferData d) {
        UUID id = UUID.randomUUID();
        UUID provider = provider(organisationId, d.providerName(), d.providerKind());
        jdbc.sql("""
                insert into socialmap_offer (id, organisation_id, provider_id, external_key, name, description, goals_served,
                    domains, target_groups, layer, intensity, working_area, opening_hours, open_minutes, access_route,
                    cost_eur, reduction_possible, languages, accessibility, waiting_weeks, free_capacity, contact_phone,
                    contact_email, website, last_checked, content_hash)
                values (:id, :org, :provider, :key, :name, :description, :goals, cast(:domains as text[]),
                    cast(:groups as text[]), :layer, :intensity, cast(:area as text[]), :hours, cast(:minutes as int4multirange),
                    :access, :cost, :reduction, cast(:languages as text[]), cast(:accessibility as text[]), :waiting,
                    :capacity, :phone, :email, :website, :checked, :hash)""")
                .params(params(d)).param("id", id).param("org", organisationId).param("provider", provider).update();
        insertLocations(id, d.locations());
        return id;
    }

    public void update(UUID organisationId, UUID id, int version, OfferData d) {
        UUID provider = provider(organisationId, d.providerName(), d.providerKind());
        int n = jdbc.sql("""
                update socialmap_offer set provider_id = :provider, external_key = :key, name = :name,
                    description = :description, goals_served = :goals, domains = cast(:domains as text[]),
                    target_groups = cast(:groups as text[]), layer = :layer, intensity = :intensity,
                    working_area = cast(:area as text[]), opening_hours = :hours,
                    open_minutes = cast(:minutes as int4multirange), access_route = :access, cost_eur = :cost,
                    reduction_possible = :reduction, languages = cast(:languages as text[]),
                    accessibility = cast(:accessibility as text[]), waiting_weeks = :waiting, free_capacity = :capacity,
                    contact_phone = :phone, contact_email = :email, website = :website, last_checked = :checked,
                    content_hash = :hash, updated_at = now(), version = version + 1
                where id = :id and organisation_id = :org and version = :version""")
                .params(params(d)).param("id", id).param("org", organisationId).param("provider", provider)
                .param("version", version).update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("offer " + id + " changed meanwhile");
        }
        jdbc.sql("delete from socialmap_location where offer_id = ?").param(id).update();
        insertLocations(id, d.locations());
    }

    static Map<String, Object> params(OfferData d) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("key", d.externalKey());
        p.put("name", d.name());
        p.put("description", d.description());
        p.put("goals", d.goalsServed());
        p.put("domains", array(d.domains().stream().map(Enum::name).toList()));
        p.put("groups", array(d.targetGroups().stream().map(Enum::name).toList()));
        p.put("layer", d.layer().name());
        p.put("intensity", d.intensity().name());
        p.put("area", array(d.workingArea()));
        p.put("hours", d.openingHours());
        p.put("minutes", OpeningHours.toMultirange(OpeningHours.parse(d.openingHours()).orElse(List.of())));
        p.put("access", d.accessRoute().name());
        p.put("cost", d.costEur());
        p.put("reduction", d.reductionPossible());
        p.put("languages", array(d.languages()));
        p.put("accessibility", array(d.accessibility().stream().map(Enum::name).toList()));
        p.put("waiting", d.waitingWeeks());
        p.put("capacity", d.freeCapacity());
        p.put("phone", d.contactPhone());
        p.put("email", d.contactEmail());
        p.put("website", d.website());
        p.put("checked", d.lastChecked());
        p.put("hash", d.contentHash());
        return p;
    }

    void insertLocations(UUID offerId, List<OfferData.Location> locations) {
        for (int i = 0; i < locations.size(); i++) {
            OfferData.Location l = locations.get(i);
            jdbc.sql("insert into socialmap_location (offer_id, position, address, latitude, longitude) values (?, ?, ?, ?, ?)")
                    .params(offerId, i, l.address(), l.latitude(), l.longitude()).update();
        }
    }

    /** A PostgreSQL array literal with every element quoted, so no value can break out of it. */
    public static String array(Collection<String> values) {
        StringBuilder sb = new StringBuilder("{");
        int i = 0;
        for (String v : values) {
            sb.append(i++ == 0 ? "" : ",").append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append('}').toString();
    }

    public Optional<Offer> find(UUID organisationId, UUID id, LocalDate staleBefore) {
        return jdbc.sql("select " + OFFER_COLUMNS + " from socialmap_offer o join socialmap_provider p on p.id = o.provider_id"
                        + " where o.organisation_id = ? and o.id = ?")
                .params(organisationId, id).query((rs, i) -> map(rs, staleBefore)).optional();
    }

    public Optional<UUID> idByKey(UUID organisationId, String externalKey) {
        return jdbc.sql("select id from socialmap_offer where organisation_id = ? and external_key = ?")
                .params(organisationId, externalKey).query(UUID.class).optional();
    }

    /** Every offer of the organisation in key order, streamed (for the export). */
    public void forEach(UUID organisationId, LocalDate staleBefore, java.util.function.Consumer<Offer> each) {
        streaming.query("select " + OFFER_COLUMNS + " from socialmap_offer o join socialmap_provider p on p.id = o.provider_id"
                        + " where o.organisation_id = ? order by o.external_key",
                (ResultSet rs) -> {
                    each.accept(map(rs, staleBefore));
                }, organisationId);
    }

    public long count(UUID organisationId) {
        return jdbc.sql("select count(*) from socialmap_offer where organisation_id = ?").param(organisationId)
                .query(Long.class).single();
    }

    /** How many of these natural keys the organisation's map holds. */
    public long countKeys(UUID organisationId, List<String> externalKeys) {
        return jdbc.sql("select count(*) from socialmap_offer where organisation_id = ? and external_key = any(cast(? as text[]))")
                .params(organisationId, array(externalKeys)).query(Long.class).single();
    }

    // ---------------------------------------------------------------- search

    private record Where(String sql, Map<String, Object> params) {
    }

    private Where where(UUID organisationId, SearchQuery q) {
        StringBuilder sql = new StringBuilder(" where o.organisation_id = :org");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("org", organisationId);
        String ts = q.prefixQuery();
        if (ts != null) {
            sql.append(" and o.search @@ to_tsquery('dutch_unaccent', :ts)");
            p.put("ts", ts);
        }
        any(sql, p, "domains", "o.domains && cast(:domains as text[])", q.domains(), Enum::name);
        any(sql, p, "groups", "o.target_groups && cast(:groups as text[])", q.targetGroups(), Enum::name);
        any(sql, p, "layers", "o.layer = any(cast(:layers as text[]))", q.layers(), Enum::name);
        any(sql, p, "access", "o.access_route = any(cast(:access as text[]))", q.accessRoutes(), Enum::name);
        any(sql, p, "languages", "o.languages && cast(:languages as text[])", q.languages(), Function.identity());
        if (!q.costs().isEmpty()) {
            sql.append(" and (").append(q.costs().contains(SearchQuery.Cost.FREE) ? "o.cost_eur = 0" : "false")
                    .append(q.costs().contains(SearchQuery.Cost.REDUCTION) ? " or (o.cost_eur > 0 and o.reduction_possible)" : "")
                    .append(q.costs().contains(SearchQuery.Cost.PAID) ? " or (o.cost_eur > 0 and not o.reduction_possible)" : "")
                    .append(")");
        }
        if (q.openAtMinute() != null) {
            sql.append(" and o.open_minutes @> cast(:openAt as integer)");
            p.put("openAt", q.openAtMinute());
        }
        if (q.latitude() != null && q.longitude() != null && q.maxKm() != null) {
            sql.append(" and exists (select 1 from socialmap_location l where l.offer_id = o.id"
                    + " and socialmap_km(:lat, :lon, l.latitude, l.longitude) <= :maxKm)");
            p.put("maxKm", q.maxKm());
        }
        return new Where(sql.toString(), p);
    }

    private static <T> void any(StringBuilder sql, Map<String, Object> p, String name, String clause,
                                Collection<T> values, Function<T, String> asText) {
        if (!values.isEmpty()) {
            sql.append(" and ").append(clause);
            p.put(name, array(values.stream().map(asText).sorted().toList()));
        }
    }

    public SearchResult search(UUID organisationId, SearchQuery q, LocalDate staleBefore) {
        Where w = where(organisationId, q);
        boolean near = q.latitude() != null && q.longitude() != null;
        String distance = near
                ? "(select min(socialmap_km(:lat, :lon, l.latitude, l.longitude)) from socialmap_location l where l.offer_id = o.id)"
                : "cast(null as double precision)";
        String rank = q.prefixQuery() != null ? "ts_rank(o.search, to_tsquery('dutch_unaccent', :ts))" : "cast(0 as real)";
        var statement = jdbc.sql("select " + OFFER_COLUMNS + ", " + distance + " as km, count(*) over () as total"
                        + " from socialmap_offer o join socialmap_provider p on p.id = o.provider_id" + w.sql()
                        + " order by " + rank + " desc, km nulls last, o.name, o.id limit :limit offset :offset")
                .params(w.params()).param("limit", q.limit()).param("offset", q.offset());
        if (near || q.maxKm() != null) {
            statement = statement.param("lat", q.latitude()).param("lon", q.longitude());
        }
        long[] total = {0};
        List<SearchResult.Hit> hits = statement.query((rs, i) -> {
            total[0] = rs.getLong("total");
            double km = rs.getDouble("km");
            Double kmOrNull = rs.wasNull() ? null : km;  // read before map(): wasNull speaks of the last column read
            return new SearchResult.Hit(map(rs, staleBefore), kmOrNull);
        }).list();
        if (hits.isEmpty() && q.offset() > 0) {
            total[0] = -1;
        }
        return new SearchResult(hits, total[0], facets(w, q));
    }

    private Map<String, Map<String, Long>> facets(Where w, SearchQuery q) {
        String hits = "select o.domains, o.target_groups, o.layer, o.access_route, o.languages, o.cost_eur,"
                + " o.reduction_possible from socialmap_offer o" + w.sql();
        var statement = jdbc.sql("with hits as materialized (" + hits + ")"
                        + " select 'domain' as facet, x as value, count(*) as n from hits, unnest(domains) x group by x"
                        + " union all select 'targetGroup', x, count(*) from hits, unnest(target_groups) x group by x"
                        + " union all select 'layer', layer, count(*) from hits group by layer"
                        + " union all select 'access', access_route, count(*) from hits group by access_route"
                        + " union all select 'language', x, count(*) from hits, unnest(languages) x group by x"
                        + " union all select 'cost', case when cost_eur = 0 then 'FREE' when reduction_possible"
                        + " then 'REDUCTION' else 'PAID' end as c, count(*) from hits group by c")
                .params(w.params());
        if (q.latitude() != null && q.longitude() != null && q.maxKm() != null) {
            statement = statement.param("lat", q.latitude()).param("lon", q.longitude());
        }
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (String f : List.of("domain", "targetGroup", "layer", "cost", "access", "language")) {
            facets.put(f, new LinkedHashMap<>());
        }
        statement.query((ResultSet rs) -> {
            facets.get(rs.getString("facet")).put(rs.getString("value"), rs.getLong("n"));
        });
        return facets;
    }

    // ---------------------------------------------------------------- matching

    /** Where the matching starts from and what it asks. */
    public record CandidateQuery(UUID organisationId, MatchingPolicy.Request request, Double latitude,
                                 Double longitude, LocalDate staleBefore, boolean fitOnly, int limit, Double radiusKm,
                                 Collection<UUID> only) {
        public CandidateQuery(UUID organisationId, MatchingPolicy.Request request, Double latitude, Double longitude,
                              LocalDate staleBefore, boolean fitOnly, int limit) {
            this(organisationId, request, latitude, longitude, staleBefore, fitOnly, limit, null, null);
        }

        public CandidateQuery(UUID organisationId, MatchingPolicy.Request request, Double latitude, Double longitude,
                              LocalDate staleBefore, boolean fitOnly, int limit, Double radiusKm) {
            this(organisationId, request, latitude, longitude, staleBefore, fitOnly, limit, radiusKm, null);
        }
    }

    /** How many rows the first guess reads per list (per cell near a place), and how many of them it scores exactly. */
    static final int GUESS_PER_LIST = 8;
    static final int GUESS_PER_LIST_WITHOUT_PLACE = 16;
    static final int GUESS_CELLS = 9;
    static final int GUESS = 32;
    /** Room for rounding between the database's sums and the policy's rounded score. */
    static final double EPSILON = 0.01;
    /** The grid of {@code socialmap_cell} (migration V120_1), in degrees. */
    static final double CELL_LAT = 0.04;
    static final double CELL_LON = 0.06;
    private static final double EARTH_KM = 6371.0;

    /**
     * What an offer can score for a request, from one of its rows in {@code socialmap_offer_rank}: its score (the
     * stored part, the domain when {@code withDomain}, the target group it serves or not, the language, the days, the
     * last check, the goal's words) with the nearness of the row's location — but at least what an offer just outside
     * the box around the place could get ({@code :edge}), as another location of the offer may lie there. The parts
     * are the same expressions as the score's, so over all rows of an offer the largest is at least its score.
     */
    private static String bound(boolean near, boolean withDomain, boolean words) {
        return "(r.static_score + " + (withDomain ? MatchingPolicy.SERVES_DOMAIN : 0)
                // the words without positions: a phrase (a word the parser splits) may match where the offer's own
                // vector does not, never the other way round
                + (words ? " + case when r.lexemes @@ (select wq.q from wq) then " + MatchingPolicy.MATCHES_WORDS + " else 0 end" : "")
                + " + " + targetGroupPart("r") + " + " + languagePart("r") + " + " + daysPart("r") + " + " + stalePart("r")
                + (near ? " + greatest(cast(:edge as double precision), case when r.latitude is null then 0 else greatest(0, "
                + MatchingPolicy.NEARBY_MAX + " * (1 - socialmap_km(:lat, :lon, r.latitude, r.longitude) / "
                + MatchingPolicy.NEARBY_ZERO_KM + ")) end)" : "")
                + ")";
    }

    private static String targetGroupPart(String alias) {
        return "case when " + alias + ".target_groups && cast(:groups as text[]) then " + MatchingPolicy.FOR_TARGET_GROUP
                + " else " + MatchingPolicy.OTHER_TARGET_GROUP + " end";
    }

    private static String languagePart(String alias) {
        return "case when cast(:language as text) is null then 0 when cast(:language as text) = any(" + alias + ".languages) then "
                + MatchingPolicy.OWN_LANGUAGE + " else " + MatchingPolicy.OTHER_LANGUAGE + " end";
    }

    private static String daysPart(String alias) {
        return "case when cast(:days as int4multirange) is null or isempty(" + alias + ".open_minutes) then 0"
                + " when " + alias + ".open_minutes && cast(:days as int4multirange) then " + MatchingPolicy.OPEN_WHEN_ABLE
                + " else " + MatchingPolicy.CLOSED_WHEN_ABLE + " end";
    }

    private static String stalePart(String alias) {
        return "case when " + alias + ".last_checked < :staleBefore then " + MatchingPolicy.NOT_CHECKED + " else 0 end";
    }

    /**
     * The most nearness can add to an offer with a location just outside the box of {@code radiusKm} around a place (the
     * box's half side in degrees is {@code km / 111}, and a point outside it is at least 0.9 of that away): 0 from a
     * radius of 11.2 km ({@link MatchingPolicy#NEARBY_ZERO_KM} / 0.9) up.
     */
    static double edge(Double radiusKm) {
        return radiusKm == null ? 0 : Math.max(0, MatchingPolicy.NEARBY_MAX * (1 - 0.9 * radiusKm / MatchingPolicy.NEARBY_ZERO_KM));
    }

    /** The id of grid cell (i, j), as {@code socialmap_cell} numbers it. */
    static long cellId(long i, long j) {
        return (i + 10000) * 100000 + (j + 50000);
    }

    /** The cell of a point, as {@code socialmap_cell} computes it. */
    static long cell(double latitude, double longitude) {
        return cellId((long) Math.floor(latitude / CELL_LAT), (long) Math.floor(longitude / CELL_LON));
    }

    /** Cells to read near a place, each with the most nearness can add to an offer anywhere in it. */
    record Cells(List<Long> ids, List<Double> bonus) {
        String idArray() {
            return "{" + String.join(",", ids.stream().map(String::valueOf).toList()) + "}";
        }

        String bonusArray() {
            return "{" + String.join(",", bonus.stream().map(String::valueOf).toList()) + "}";
        }
    }

    /**
     * The cells that touch the box of {@code radiusKm} around a place; without a radius, the cells where nearness can
     * still add something (closer than {@link MatchingPolicy#NEARBY_ZERO_KM}). The bonus of a cell is an upper bound:
     * the distance to the cell is a lower bound of the haversine distance to any point in it (the nearest latitude
     * and longitude, the smallest cosine of the cell's latitudes), so an offer in the cell never gets more.
     */
    static Cells cells(double lat, double lon, Double radiusKm) {
        double km = radiusKm != null ? radiusKm : MatchingPolicy.NEARBY_ZERO_KM * 1.2 + 1;
        double dLat = km / 111.0;
        double dLon = km / (111.0 * Math.cos(Math.toRadians(lat)));
        long i0 = (long) Math.floor((lat - dLat) / CELL_LAT);
        long i1 = (long) Math.floor((lat + dLat) / CELL_LAT);
        long j0 = (long) Math.floor((lon - dLon) / CELL_LON);
        long j1 = (long) Math.floor((lon + dLon) / CELL_LON);
        List<Long> ids = new ArrayList<>();
        List<Double> bonus = new ArrayList<>();
        double slack = 1e-7;  // degrees: a point on a cell's edge may round into the next one
        for (long i = i0; i <= i1; i++) {
            double la0 = i * CELL_LAT - slack;
            double la1 = (i + 1) * CELL_LAT + slack;
            double dPhi = lat < la0 ? la0 - lat : lat > la1 ? lat - la1 : 0;
            double cosMin = Math.min(Math.cos(Math.toRadians(la0)), Math.cos(Math.toRadians(la1)));
            for (long j = j0; j <= j1; j++) {
                double lo0 = j * CELL_LON - slack;
                double lo1 = (j + 1) * CELL_LON + slack;
                double dLambda = lon < lo0 ? lo0 - lon : lon > lo1 ? lon - lo1 : 0;
                double h = Math.pow(Math.sin(Math.toRadians(dPhi) / 2), 2)
                        + Math.cos(Math.toRadians(lat)) * Math.max(0, cosMin) * Math.pow(Math.sin(Math.toRadians(dLambda) / 2), 2);
                double lowest = 2 * EARTH_KM * Math.asin(Math.sqrt(Math.min(1, h))) * (1 - 1e-9) - 1e-6;
                double most = Math.max(0, MatchingPolicy.NEARBY_MAX * (1 - Math.max(0, lowest) / MatchingPolicy.NEARBY_ZERO_KM));
                if (radiusKm != null || most > 0) {
                    ids.add(cellId(i, j));
                    // an offer in the cell may have another location just outside the box (see bound)
                    bonus.add(Math.max(most, edge(radiusKm)));
                }
            }
        }
        return new Cells(ids, bonus);
    }

    private static List<String> targetGroups(MatchingPolicy.Request r) {
        List<String> groups = new ArrayList<>(r.targetGroups().stream().map(Enum::name).toList());
        groups.add(OfferTerms.TargetGroup.EVERYONE.name());
        return groups;
    }

    private static JdbcClient.StatementSpec box(JdbcClient.StatementSpec statement, double lat, double lon, double km) {
        double dLat = km / 111.0;
        double dLon = km / (111.0 * Math.cos(Math.toRadians(lat)));
        return statement.param("latMin", lat - dLat).param("latMax", lat + dLat)
                .param("lonMin", lon - dLon).param("lonMax", lon + dLon);
    }

    /**
     * The best candidates by the policy's own weights, computed in the database so only the top few
     * travel; {@link MatchingPolicy} then scores and explains them exactly.
     */
    public List<MatchingPolicy.Facts> candidates(CandidateQuery c) {
        return candidates(c, false, 0);
    }

    /**
     * The same candidates as {@link #candidates} (with {@code fitOnly}), without visiting most offers: a threshold
     * algorithm in one statement. A first guess (the best stored parts of the goal's domains near the place, scored
     * exactly) gives a {@code top}-th best score; then only offers whose bound reaches it are read (in index
     * order of the stored part, so an offer whose stored part is too low is never visited), plus, while their
     * bound can still reach it, offers that share only the goal's words; those are scored exactly. Needs at
     * least one domain in the request.
     */
    public List<MatchingPolicy.Facts> fastCandidates(CandidateQuery c, int top) {
        if (c.request().domains().isEmpty() || !c.fitOnly()) {
            throw new IllegalArgumentException("fast candidates need a domain and fitting offers only");
        }
        return candidates(c, true, top);
    }

    /**
     * The plan of the statement {@link #candidates} or {@link #fastCandidates} sends, run with its real parameters
     * ({@code explain (analyze, buffers)}): for the benchmark, to see where the time of one match goes.
     */
    public List<String> explain(CandidateQuery c, boolean fast, int top) {
        return transaction.execute(status -> {
            if (fast) {
                settings();
            }
            return statement(c, fast, top, "explain (analyze, buffers, settings) ").query(String.class).list();
        });
    }

    /**
     * The fast statement's settings, for the current transaction only: no parallel workers (see {@link #candidates}),
     * and no notices sent for the goal's stop words ("ik", "en": each is a notice the driver parses).
     */
    private void settings() {
        jdbc.sql("select set_config('max_parallel_workers_per_gather', '0', true), set_config('client_min_messages', 'warning', true),"
                        + " set_config('plan_cache_mode', 'force_generic_plan', true)")
                .query((rs, i) -> 0).single();
    }

    private List<MatchingPolicy.Facts> candidates(CandidateQuery c, boolean fast, int top) {
        if (fast) {
            // no parallel workers for the fast statement: the planner plans them for the words-only part, which
            // seldom runs, and starting them cost more than the whole match (160 ms of 510 ms in one plan); under
            // concurrent matches the workers also queue for the server's few worker slots. In the caller's
            // transaction when there is one, else in one of its own, so the setting ends with it.
            return transaction.execute(status -> {
                settings();
                return facts(c, fast, top);
            });
        }
        return facts(c, fast, top);
    }

    private List<MatchingPolicy.Facts> facts(CandidateQuery c, boolean fast, int top) {
        return statement(c, fast, top, "").query((rs, i) -> {
            double d = rs.getDouble("km");
            Double distance = rs.wasNull() ? null : d;
            return new MatchingPolicy.Facts(rs.getObject("id", UUID.class), rs.getString("name"),
                    rs.getString("provider_name"), enums(rs.getArray("domains"), LifeDomain.class),
                    enums(rs.getArray("target_groups"), OfferTerms.TargetGroup.class),
                    Layer.valueOf(rs.getString("layer")), Intensity.valueOf(rs.getString("intensity")),
                    distance, strings(rs.getArray("matched")), rs.getBigDecimal("cost_eur"), rs.getBoolean("reduction_possible"),
                    OfferTerms.AccessRoute.valueOf(rs.getString("access_route")), rs.getInt("waiting_weeks"),
                    (Integer) rs.getObject("free_capacity"), strings(rs.getArray("languages")),
                    OpeningHours.parse(rs.getString("opening_hours")).orElse(List.of()),
                    rs.getObject("last_checked", LocalDate.class).isBefore(c.staleBefore()));
        }).list();
    }

    /**
     * What the text of the statement depends on. Everything else of a request is a parameter, so the text is the same
     * for every request of one shape: it is made once, and the server can keep one plan for it.
     */
    private record Shape(boolean fast, boolean near, boolean box, boolean words, boolean domains, boolean fitOnly,
                         boolean only, int top, String prefix) {
    }

    private final Map<Shape, String> statements = new java.util.concurrent.ConcurrentHashMap<>();

    private JdbcClient.StatementSpec statement(CandidateQuery c, boolean fast, int top, String prefix) {
        MatchingPolicy.Request r = c.request();
        boolean near = c.latitude() != null && c.longitude() != null;
        String words = SearchQuery.anyQuery(r.words());
        boolean box = near && c.radiusKm() != null;
        List<String> groups = targetGroups(r);
        String days = r.availableDays().isEmpty() ? null : OpeningHours.toMultirange(r.availableDays().stream()
                .sorted().map(d -> new OpeningHours.Range((d.getValue() - 1) * 1440, d.getValue() * 1440)).toList());
        Cells cells = fast && near ? cells(c.latitude(), c.longitude(), c.radiusKm()) : null;
        String sql = statements.computeIfAbsent(new Shape(fast, near, box, words != null, !r.domains().isEmpty(),
                c.fitOnly(), c.only() != null, top, prefix), this::sql);
        var statement = jdbc.sql(sql).param("org", c.organisationId())
                .param("domains", array(r.domains().stream().map(Enum::name).sorted().toList()))
                .param("tokens", array(words == null ? List.of() : r.wordList()))
                .param("groups", array(groups))
                // typed, so a null does not make the driver ask the server for the parameter's type
                .param("language", r.language(), java.sql.Types.VARCHAR).param("days", days, java.sql.Types.VARCHAR)
                .param("staleBefore", c.staleBefore())
                .param("refusedLayers", array(r.refusedLayers().stream().map(Enum::name).toList()))
                .param("refusedIntensities", array(r.refusedIntensities().stream().map(Enum::name).toList()))
                .param("limit", c.limit());
        if (words != null) {
            statement = statement.param("words", words);
        }
        if (near) {
            statement = statement.param("lat", c.latitude()).param("lon", c.longitude());
        }
        if (box) {
            statement = box(statement, c.latitude(), c.longitude(), c.radiusKm());
        }
        if (c.only() != null) {
            statement = statement.param("only", array(c.only().stream().map(UUID::toString).toList()));
        }
        if (fast) {
            double restMax = MatchingPolicy.restMax(r);
            double nearMax = near ? MatchingPolicy.NEARBY_MAX : 0;
            statement = statement.param("edge", box ? edge(c.radiusKm()) : 0.0)
                    // what all but the stored part and nearness can add, for the person's target groups and for others
                    .param("most", MatchingPolicy.SERVES_DOMAIN + restMax + MatchingPolicy.FOR_TARGET_GROUP)
                    .param("mostOther", MatchingPolicy.SERVES_DOMAIN + restMax + MatchingPolicy.OTHER_TARGET_GROUP + nearMax)
                    .param("wordsOnly", MatchingPolicy.MAX_STATIC + restMax + MatchingPolicy.FOR_TARGET_GROUP + nearMax);
            statement = statement.param("otherGroups", array(java.util.Arrays.stream(OfferTerms.TargetGroup.values())
                    .map(Enum::name).filter(g -> !groups.contains(g)).toList()));
        }
        if (cells != null) {
            statement = statement.param("cells", cells.idArray()).param("bonus", cells.bonusArray());
        }
        return statement;
    }

    private String sql(Shape shape) {
        boolean fast = shape.fast();
        boolean near = shape.near();
        int top = shape.top();
        String prefix = shape.prefix();
        String words = shape.words() ? ":words" : null;
        String query = words == null ? "cast(null as tsquery)" : "to_tsquery('dutch_unaccent', :words)";
        String km = near ? "(select min(socialmap_km(:lat, :lon, l.latitude, l.longitude)) from socialmap_location l where l.offer_id = o.id)"
                : "cast(null as double precision)";
        String score = String.join("\n + ",
                "case when o.domains && cast(:domains as text[]) then " + MatchingPolicy.SERVES_DOMAIN + " else 0 end",
                "case when w.hit then " + MatchingPolicy.MATCHES_WORDS + " else 0 end",
                targetGroupPart("o"),
                lookup("o.layer", Layer.forOffers().toArray(Layer[]::new), l -> MatchingPolicy.LAYER[MatchingPolicy.step((Layer) l)]),
                "case when d.km is null then 0 else greatest(0, " + MatchingPolicy.NEARBY_MAX + " * (1 - d.km / "
                        + MatchingPolicy.NEARBY_ZERO_KM + ")) end",
                "case when o.cost_eur = 0 then " + MatchingPolicy.FREE + " when o.reduction_possible then "
                        + MatchingPolicy.REDUCED + " else " + MatchingPolicy.PAID + " end",
                lookup("o.access_route", OfferTerms.AccessRoute.values(), a -> MatchingPolicy.ACCESS[a.ordinal()]),
                "case when o.waiting_weeks = 0 then " + MatchingPolicy.NO_WAITING + " else greatest("
                        + MatchingPolicy.WAITING_CAP + ", " + MatchingPolicy.PER_WAITING_WEEK + " * o.waiting_weeks) end",
                "case when o.free_capacity is null then 0 when o.free_capacity > 0 then " + MatchingPolicy.HAS_ROOM
                        + " else " + MatchingPolicy.FULL + " end",
                languagePart("o"),
                daysPart("o"),
                lookup("o.intensity", Intensity.values(), i -> MatchingPolicy.INTENSITY[i.ordinal()]),
                stalePart("o"));
        // written so the GIN indexes on domains and search can find the candidates (a bitmap OR)
        List<String> fits = new ArrayList<>();
        if (shape.domains()) {
            fits.add("o.domains && cast(:domains as text[])");
        }
        if (words != null) {
            fits.add("o.search @@ to_tsquery('dutch_unaccent', :words)");
        }
        String fit = !shape.fitOnly() || fits.isEmpty() ? "" : " and (" + String.join(" or ", fits) + ")";
        boolean box = shape.box();
        String order = " order by score desc, array_position(array['VOLUNTEER','GENERAL_COLLECTIVE','INDIVIDUAL_PROFESSIONAL'], %1$s.layer),"
                + " %1$s.name collate \"C\", %1$s.id";
        String fitted = fit;
        // the candidates among the offers named by a relation (null: all), best first
        java.util.function.BiFunction<String, String, String> inner = (named, limit) ->
                "select o.id, o.name, " + (named != null ? "(select p.name from socialmap_provider p where p.id = o.provider_id)"
                : "p.name") + " as provider_name, o.domains, o.target_groups, o.layer, o.intensity,"
                + " d.km, o.search, o.cost_eur, o.reduction_possible, o.access_route,"
                + " o.waiting_weeks, o.free_capacity, o.languages, o.opening_hours, o.last_checked,"
                + " (" + score + ") as score"
                // the few named offers each looked up by id: joined, the planner (which cannot know how few the
                // survivors are; it guessed 10 000 for 263) read every offer of the domain into a hash instead
                // (32 000 offers, 9 800 pages: 0.8 s on cold pages and most of the time under 8 concurrent)
                + (named != null ? " from " + named + " named cross join lateral (select * from socialmap_offer o"
                + " where o.id = named.id offset 0) o"
                : " from socialmap_offer o join socialmap_provider p on p.id = o.provider_id")
                + " cross join (select " + query + " as query) q"
                // offset 0 keeps each lateral a real subquery: distance and the word match are computed
                // once per offer, not once per place they are used in the score, the filter and the list
                + (box && named != null
                ? " cross join lateral (select min(socialmap_km(:lat, :lon, l.latitude, l.longitude)) as km,"
                + " coalesce(bool_or(l.latitude between :latMin and :latMax and l.longitude between :lonMin and :lonMax), false)"
                + " as inbox from socialmap_location l where l.offer_id = o.id offset 0) d"
                : " cross join lateral (select " + km + " as km offset 0) d")
                + " cross join lateral (select coalesce(o.search @@ q.query, false) as hit offset 0) w"
                + " where o.organisation_id = :org and not (o.layer = any(cast(:refusedLayers as text[])))"
                + " and not (o.intensity = any(cast(:refusedIntensities as text[])))" + fitted
                // a box around the place: for all offers through the index on latitude and longitude, for a few
                // named ones per offer with the distance
                + (!box ? "" : named == null ? " and o.id in (select l.offer_id from socialmap_location l where"
                + " l.latitude between :latMin and :latMax and l.longitude between :lonMin and :lonMax)" : " and d.inbox")
                + order.formatted("o") + " limit " + limit;
        String with = "";
        String from = shape.only() ? "unnest(cast(:only as uuid[]))" : null;
        if (fast) {
            // The request's own numbers are parameters, not part of the text: the statement's text is then the same for
            // every request with the same shape (words or not, a place or not, a radius or not), so the server can keep
            // one plan for it instead of planning this long statement for every match (2.6-8 ms each).
            String bound = bound(near, true, words != null);
            String t = "(select t from tenth)";
            String rows = "select r.offer_id, " + bound + " as bound from socialmap_offer_rank r where r.organisation_id = :org"
                    + " and not (r.layer = any(cast(:refusedLayers as text[])))"
                    + " and not (r.intensity = any(cast(:refusedIntensities as text[])))"
                    + (box ? " and r.latitude between :latMin and :latMax and r.longitude between :lonMin and :lonMax" : "");
            // one list per life domain and target group of the person (every offer serves at least one group)
            String lists = " (select d, g from unnest(cast(:domains as text[])) d cross join unnest(cast(:groups as text[])) g) ls";
            String cellList = " unnest(cast(:cells as bigint[]), cast(:bonus as double precision[])) c(cell, bonus)";
            String guess = near
                    ? "select x.offer_id, x.bound from" + lists + " cross join (select cell from" + cellList
                    + " order by bonus desc, cell limit " + GUESS_CELLS + ") c cross join lateral (" + rows
                    + " and r.domain = ls.d and r.target_group = ls.g and r.cell = c.cell order by r.static_score desc limit "
                    + GUESS_PER_LIST + ") x"
                    : "select x.offer_id, x.bound from" + lists + " cross join lateral (" + rows
                    + " and r.domain = ls.d and r.target_group = ls.g order by r.static_score desc limit "
                    + GUESS_PER_LIST_WITHOUT_PLACE + ") x";
            StringBuilder survivors = new StringBuilder("select id from guess");
            if (near) {
                // per cell, best first, only as far as the cell's most nearness can still reach the tenth best
                survivors.append(" union select x.offer_id from").append(lists).append(" cross join").append(cellList)
                        .append(" cross join lateral (").append(rows).append(" and r.domain = ls.d and r.target_group = ls.g")
                        .append(" and r.cell = c.cell and r.static_score >= ").append(t)
                        .append(" - cast(:most as double precision) - c.bonus offset 0) x where x.bound >= ").append(t);
            }
            if (!box) {
                // every offer of the lists that nearness cannot lift (no place, no location, or far) but may still reach
                survivors.append(" union select x.offer_id from").append(lists).append(" cross join lateral (").append(rows)
                        .append(" and r.domain = ls.d and r.target_group = ls.g and r.static_score >= ").append(t)
                        .append(" - cast(:most as double precision) offset 0) x where x.bound >= ").append(t);
            }
            // offers for other target groups only: their bound is 40 points lower, so these are seldom read
            // (one index walk per domain and group, each kept apart by "offset 0": a plan made for any request, not
            // knowing how few domains and groups there are, otherwise walked the whole index of the organisation)
            survivors.append(" union select x.offer_id from unnest(cast(:domains as text[])) ds(d)")
                    .append(" cross join unnest(cast(:otherGroups as text[])) og(g) cross join lateral (")
                    .append(rows).append(" and r.domain = ds.d and r.target_group = og.g")
                    .append(" and r.static_score >= ").append(t).append(" - cast(:mostOther as double precision) offset 0) x")
                    .append(" where x.bound >= ").append(t);
            if (words != null) {
                // offers that share only the goal's words, while their bound can still reach the tenth best
                survivors.append(" union select r.offer_id from socialmap_offer_rank r where ").append(t)
                        .append(" <= cast(:wordsOnly as double precision)")
                        .append(" and r.offer_id in (select o.id from socialmap_offer o where o.organisation_id = :org")
                        .append(" and o.search @@ to_tsquery('dutch_unaccent', :words) and not (o.domains && cast(:domains as text[])))")
                        .append(" and ").append(bound(near, false, true)).append(" >= ").append(t);
            }
            with = "with " + (words != null ? "wq as materialized (select to_tsquery('dutch_unaccent', :words) as q), " : "")
                    + "guess as materialized (select offer_id as id from (" + guess + ") b group by offer_id"
                    + " order by max(bound) desc, offer_id limit " + GUESS + "),"
                    + " tenth as materialized (select coalesce((select s.score from (" + inner.apply("guess", String.valueOf(GUESS))
                    + ") s order by s.score desc offset " + (top - 1) + " limit 1), -1e9) - " + EPSILON + " as t),"
                    + " survivors as materialized (" + survivors + "), ";
            from = "survivors";
        }
        // only for the few candidates: which of the goal's own words the offer holds (the reason names them); each word's
        // query is made once per statement, not once per candidate and word
        String tokens = "tokens as materialized (select t, n, to_tsquery('dutch_unaccent', t) as q"
                + " from unnest(cast(:tokens as text[])) with ordinality u(t, n))";
        String columns = "c.id, c.name, c.provider_name, c.domains, c.target_groups, c.layer, c.intensity, c.km, c.cost_eur,"
                + " c.reduction_possible, c.access_route, c.waiting_weeks, c.free_capacity, c.languages, c.opening_hours,"
                + " c.last_checked, c.score, array(select k.t from tokens k where c.search @@ k.q order by k.n) as matched";
        if (!fast) {
            return prefix + "with " + tokens + " select " + columns + " from (" + inner.apply(from, ":limit") + ") c"
                    + order.formatted("c");
        }
        // only what can still be among the top: the policy rounds the score, so whatever lies within EPSILON of the
        // database's top-th best may end up before it; anything lower cannot
        return prefix + with + tokens + ", best as materialized (" + inner.apply(from, ":limit") + ")"
                + " select " + columns + " from best c where c.score >= coalesce((select b.score from best b"
                + " order by b.score desc offset " + (top - 1) + " limit 1), -1e9) - " + EPSILON + order.formatted("c");
    }

    private static String lookup(String column, Enum<?>[] constants, java.util.function.ToDoubleFunction<Enum<?>> weight) {
        StringBuilder sb = new StringBuilder("case " + column);
        for (Enum<?> e : constants) {
            sb.append(" when '").append(e.name()).append("' then ").append(weight.applyAsDouble(e));
        }
        return sb.append(" end").toString();
    }

    /** The words that carry meaning for Dutch text search (stop words such as "een" and "ik" left out), in order. */
    public List<String> meaningfulWords(List<String> words) {
        if (words.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select t from unnest(cast(:words as text[])) with ordinality u(t, n)"
                        + " where numnode(to_tsquery('dutch_unaccent', t)) > 0 order by n")
                .param("words", array(words)).query(String.class).list();
    }

    /** Coordinates of a neighbourhood or place of this organisation. */
    public Optional<double[]> place(UUID organisationId, String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select latitude, longitude from socialmap_place where organisation_id = ? and lower(name) = lower(?)")
                .params(organisationId, name.trim()).query((rs, i) -> new double[]{rs.getDouble(1), rs.getDouble(2)})
                .optional();
    }

    public List<String> places(UUID organisationId) {
        return jdbc.sql("select name from socialmap_place where organisation_id = ? order by name")
                .param(organisationId).query(String.class).list();
    }

    public void place(UUID organisationId, String name, double latitude, double longitude) {
        jdbc.sql("""
                insert into socialmap_place (organisation_id, name, latitude, longitude) values (?, ?, ?, ?)
                on conflict (organisation_id, name) do update set latitude = excluded.latitude, longitude = excluded.longitude""")
                .params(organisationId, name, latitude, longitude).update();
    }

    // ---------------------------------------------------------------- mapping

    static Offer map(ResultSet rs, LocalDate staleBefore) throws SQLException {
        List<String> addresses = strings(rs.getArray("loc_address"));
        Double[] lat = (Double[]) rs.getArray("loc_lat").getArray();
        Double[] lon = (Double[]) rs.getArray("loc_lon").getArray();
        List<OfferData.Location> locations = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            locations.add(new OfferData.Location(addresses.get(i), lat[i], lon[i]));
        }
        LocalDate checked = rs.getObject("last_checked", LocalDate.class);
        return new Offer(rs.getObject("id", UUID.class), rs.getObject("provider_id", UUID.class),
                rs.getString("provider_name"), OfferTerms.ProviderKind.valueOf(rs.getString("provider_kind")),
                rs.getString("external_key"), rs.getString("name"), rs.getString("description"),
                rs.getString("goals_served"), enums(rs.getArray("domains"), LifeDomain.class),
                enums(rs.getArray("target_groups"), OfferTerms.TargetGroup.class),
                Layer.valueOf(rs.getString("layer")), Intensity.valueOf(rs.getString("intensity")),
                locations, strings(rs.getArray("working_area")), rs.getString("opening_hours"),
                OfferTerms.AccessRoute.valueOf(rs.getString("access_route")), rs.getBigDecimal("cost_eur"),
                rs.getBoolean("reduction_possible"), strings(rs.getArray("languages")),
                enums(rs.getArray("accessibility"), OfferTerms.Accessibility.class), rs.getInt("waiting_weeks"),
                (Integer) rs.getObject("free_capacity"), rs.getString("contact_phone"), rs.getString("contact_email"),
                rs.getString("website"), checked, checked.isBefore(staleBefore), rs.getInt("open_reports"),
                rs.getInt("version"));
    }

    static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }

    static <E extends Enum<E>> List<E> enums(Array a, Class<E> type) throws SQLException {
        return strings(a).stream().map(s -> Enum.valueOf(type, s)).toList();
    }

}
