package org.samenkracht.operations;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The shape of one synthetic municipality, fully determined by its seed and scale: ids, sizes
 * (how many network members, goals, ...) and fictional names. Every {@link SyntheticTable} asks
 * this object, so tables that reference each other agree without sharing state, and one seed always
 * gives the same data. Names are composed from syllables: never real people.
 */
public final class SyntheticMunicipality {

    /** The moment the synthetic history ends; timestamps lie before it, never "now". */
    public static final Instant EPOCH = Instant.parse("2026-01-01T09:00:00Z");
    public static final int CASELOAD = 60;
    public static final int COACH_SPAN = 250;

    private final long seed;
    private final int persons;
    private final String passwordHash;

    public SyntheticMunicipality(long seed, int persons, String passwordHash) {
        if (persons < 1) {
            throw new IllegalArgumentException("scale must be at least 1 person");
        }
        this.seed = seed;
        this.persons = persons;
        this.passwordHash = passwordHash;
    }

    public long seed() {
        return seed;
    }

    public int persons() {
        return persons;
    }

    /** The bcrypt hash every generated account gets (password in the generator's docs). */
    public String passwordHash() {
        return passwordHash;
    }

    // ---- ids -------------------------------------------------------------------------------

    /** A stable id for the n-th thing of a kind (name-based, so the same for the same seed). */
    public UUID id(String kind, long n) {
        return UUID.nameUUIDFromBytes((seed + ":" + kind + ":" + n).getBytes(StandardCharsets.UTF_8));
    }

    public UUID organisation() {
        return id("organisation", 0);
    }

    public UUID person(int i) {
        return id("person", i);
    }

    public int professionals() {
        return (persons + CASELOAD - 1) / CASELOAD;
    }

    public int coaches() {
        return (persons + COACH_SPAN - 1) / COACH_SPAN;
    }

    public UUID professional(int p) {
        return id("professional", p);
    }

    public UUID coach(int c) {
        return id("coach", c);
    }

    /** The professional whose caseload holds person i (persons are spread evenly). */
    public int professionalOf(int i) {
        return i % professionals();
    }

    public int coachOf(int i) {
        return i % coaches();
    }

    /** Generated accounts sign in as gen.prof.0001, gen.coach.0001, ... */
    public static String professionalUsername(int p) {
        return String.format("gen.prof.%04d", p + 1);
    }

    public static String coachUsername(int c) {
        return String.format("gen.coach.%04d", c + 1);
    }

    // ---- deterministic randomness ----------------------------------------------------------

    /** The random source of one person in one table: independent of load order and of other tables. */
    public SplittableRandom random(String table, int i) {
        return new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + table.hashCode() * 0xBF58476D1CE4E5B9L + i));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // ---- sizes shared by tables that reference each other -----------------------------------

    public int networkSize(int i) {
        return 2 + random("shape.network", i).nextInt(7);
    }

    public boolean hasPlan(int i) {
        return random("shape.plan", i).nextInt(10) < 8;
    }

    public int goals(int i) {
        return 1 + random("shape.goals", i).nextInt(4);
    }

    public int steps(int i, int goal) {
        return 1 + random("shape.steps", i * 8 + goal).nextInt(3);
    }

    public boolean hasCoach(int i) {
        return random("shape.coach", i).nextInt(10) < 3;
    }

    public UUID networkMember(int i, int n) {
        return id("network_member", (long) i * 16 + n);
    }

    public UUID plan(int i) {
        return id("support_plan", i);
    }

    public UUID goal(int i, int g) {
        return id("plan_goal", (long) i * 8 + g);
    }

    // ---- fictional names and words ------------------------------------------------------------

    private static final List<String> FIRST = List.of("ba", "da", "fe", "ka", "li", "mo", "nu", "ra", "si", "to",
            "ve", "zo", "jo", "he", "wi", "ge");
    private static final List<String> MIDDLE = List.of("ren", "lin", "mar", "dor", "vel", "san", "tik", "bo", "ne",
            "ril", "ta", "mi");
    private static final List<String> FAMILY_END = List.of("hoven", "dijk", "berg", "kamp", "veld", "stra", "link",
            "broek", "mans", "er", "sen", "horst");
    private static final List<String> PLACE_END = List.of("wijk", "dorp", "hof", "buurt", "kwartier", "park");

    public static String givenName(SplittableRandom r) {
        String s = pick(r, FIRST) + pick(r, MIDDLE) + (r.nextBoolean() ? pick(r, FIRST) : "");
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public static String familyName(SplittableRandom r) {
        String s = pick(r, FIRST) + pick(r, MIDDLE) + pick(r, FAMILY_END);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public static String fullName(SplittableRandom r) {
        return givenName(r) + " " + familyName(r);
    }

    /** The 40 neighbourhoods of the municipality; person i lives in one of them. */
    public String neighbourhood(int i) {
        int k = i % 40;
        int offset = (int) Math.floorMod(seed, 16);
        String s = MIDDLE.get(k % 12) + FIRST.get((k * 7 + offset) % 16) + PLACE_END.get(k % 6);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public static <T> T pick(SplittableRandom r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    /** A moment some days before {@link #EPOCH}, with a deterministic time of day. */
    public static Instant daysBefore(SplittableRandom r, int maxDays) {
        return EPOCH.minus(r.nextInt(maxDays), ChronoUnit.DAYS).minus(r.nextInt(8 * 60), ChronoUnit.MINUTES);
    }

    public static LocalDate birthDate(SplittableRandom r) {
        return LocalDate.of(1935, 1, 1).plusDays(r.nextInt(365 * 70));
    }
}
