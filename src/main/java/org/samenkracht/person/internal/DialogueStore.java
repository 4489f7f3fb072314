package org.samenkracht.person.internal;

import org.samenkracht.person.Conversations;
import org.samenkracht.person.DualAgreement;
import org.samenkracht.person.Logbook;
import org.samenkracht.person.OwnStory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Persistence of the dialogue: own story, conversations with their report and remarks, logbook. */
@Component
public class DialogueStore {

    private final JdbcClient jdbc;

    DialogueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- own story

    public void insertStory(UUID id, UUID organisationId, UUID personId, OwnStory.Kind kind, String text, UUID author) {
        jdbc.sql("insert into story_entry (id, organisation_id, person_id, kind, text, author_id) values (?, ?, ?, ?, ?, ?)")
                .params(id, organisationId, personId, kind.name(), text, author).update();
    }

    public void editStory(UUID id, int expectedVersion, String text) {
        int n = jdbc.sql("update story_entry set text = ?, edited_at = now(), version = version + 1 where id = ? and version = ?")
                .params(text, id, expectedVersion).update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("story entry " + id + " changed since version " + expectedVersion);
        }
    }

    private static final String STORY = """
            select s.id, s.person_id, s.kind, s.text, s.author_id, u.display_name, s.created_at, s.edited_at, s.version
            from story_entry s join app_user u on u.id = s.author_id""";

    public List<OwnStory.Entry> story(UUID personId) {
        return jdbc.sql(STORY + " where s.person_id = ? order by s.created_at").param(personId)
                .query(DialogueStore::storyEntry).list();
    }

    public Optional<OwnStory.Entry> storyEntry(UUID personId, UUID id) {
        return jdbc.sql(STORY + " where s.person_id = ? and s.id = ?").params(personId, id)
                .query(DialogueStore::storyEntry).optional();
    }

    private static OwnStory.Entry storyEntry(ResultSet rs, int i) throws SQLException {
        return new OwnStory.Entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                OwnStory.Kind.valueOf(rs.getString(3)), rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6),
                rs.getTimestamp(7).toInstant(), instant(rs.getTimestamp(8)), rs.getInt(9));
    }

    // --- conversations

    public void insertConversation(UUID id, UUID organisationId, UUID personId, Conversations.Record r, UUID professional) {
        jdbc.sql("""
                insert into conversation (id, organisation_id, person_id, held_on, place, participants, communication_strategy,
                    exploring, analysing, solving, formulating, evaluating, support_need, agreements, professional_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organisationId, personId, r.heldOn(), r.place().trim(), blank(r.participants()),
                        r.strategy().name(), blank(r.exploring()), blank(r.analysing()), blank(r.solving()),
                        blank(r.formulating()), blank(r.evaluating()), blank(r.supportNeed()), blank(r.agreements()),
                        professional)
                .update();
    }

    /** Changes the report from the version read; the agreements start over. */
    public void updateConversation(UUID id, Conversations.Record r, DualAgreement agreement) {
        int n = jdbc.sql("""
                update conversation set held_on = ?, place = ?, participants = ?, communication_strategy = ?,
                    exploring = ?, analysing = ?, solving = ?, formulating = ?, evaluating = ?, support_need = ?,
                    agreements = ?, person_agreed_at = ?, professional_agreed_at = ?, professional_agreed_by = ?,
                    version = version + 1
                where id = ? and version = ?""")
                .params(r.heldOn(), r.place().trim(), blank(r.participants()), r.strategy().name(), blank(r.exploring()),
                        blank(r.analysing()), blank(r.solving()), blank(r.formulating()), blank(r.evaluating()),
                        blank(r.supportNeed()), blank(r.agreements()), ts(agreement.personAgreedAt()),
                        ts(agreement.professionalAgreedAt()), agreement.professionalAgreedBy(), id, r.version())
                .update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("conversation " + id + " changed since version " + r.version());
        }
    }

    /** Records an agreement to exactly the version read; a report that changed meanwhile is a conflict. */
    public void agree(UUID id, int version, DualAgreement agreement) {
        int n = jdbc.sql("""
                update conversation set person_agreed_at = ?, professional_agreed_at = ?, professional_agreed_by = ?,
                    version = version + 1
                where id = ? and version = ?""")
                .params(ts(agreement.personAgreedAt()), ts(agreement.professionalAgreedAt()),
                        agreement.professionalAgreedBy(), id, version)
                .update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("conversation " + id + " changed since version " + version);
        }
    }

    public void insertRemark(UUID conversationId, UUID organisationId, UUID author, boolean byPerson, String text) {
        jdbc.sql("""
                insert into conversation_remark (id, conversation_id, organisation_id, author_id, by_person, text)
                values (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), conversationId, organisationId, author, byPerson, text).update();
    }

    private static final String CONVERSATION = """
            select c.id, c.person_id, c.held_on, c.place, c.participants, c.communication_strategy, c.exploring,
                   c.analysing, c.solving, c.formulating, c.evaluating, c.support_need, c.agreements, pu.display_name,
                   c.person_agreed_at, c.professional_agreed_at, c.professional_agreed_by, au.display_name, c.version
            from conversation c join app_user pu on pu.id = c.professional_id
                 left join app_user au on au.id = c.professional_agreed_by""";

    public Optional<Conversations.View> conversation(UUID personId, UUID id) {
        return jdbc.sql(CONVERSATION + " where c.person_id = ? and c.id = ?").params(personId, id)
                .query((rs, i) -> conversation(rs, remarks(List.of(id)))).optional();
    }

    public List<Conversations.View> conversations(UUID personId) {
        List<UUID> ids = jdbc.sql("select id from conversation where person_id = ?").param(personId).query(UUID.class).list();
        Map<UUID, List<Conversations.Remark>> remarks = remarks(ids);
        return jdbc.sql(CONVERSATION + " where c.person_id = ? order by c.held_on desc, c.created_at desc")
                .param(personId).query((rs, i) -> conversation(rs, remarks)).list();
    }

    private Map<UUID, List<Conversations.Remark>> remarks(List<UUID> conversationIds) {
        if (conversationIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        select r.conversation_id, r.id, u.display_name, r.by_person, r.text, r.created_at
                        from conversation_remark r join app_user u on u.id = r.author_id
                        where r.conversation_id = any(?) order by r.created_at""")
                .param(conversationIds.toArray(new UUID[0]))
                .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), new Conversations.Remark(rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getBoolean(4), rs.getString(5), rs.getTimestamp(6).toInstant())))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    private static Conversations.View conversation(ResultSet rs, Map<UUID, List<Conversations.Remark>> remarks) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        return new Conversations.View(id, rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class), rs.getString(4),
                rs.getString(5), Conversations.Strategy.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                new DualAgreement(instant(rs.getTimestamp(15)), instant(rs.getTimestamp(16)), rs.getObject(17, UUID.class)),
                rs.getString(18), remarks.getOrDefault(id, List.of()), rs.getInt(19));
    }

    // --- logbook

    public void insertLogbook(UUID id, UUID organisationId, UUID personId, Logbook.Kind kind, Instant at, String text, UUID author) {
        jdbc.sql("""
                insert into logbook_entry (id, organisation_id, person_id, kind, occurred_at, text, author_id)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organisationId, personId, kind.name(), Timestamp.from(at), text, author).update();
    }

    private static final String LOGBOOK = """
            select e.id, e.person_id, p.given_name || ' ' || p.family_name, e.kind, e.occurred_at, e.text, u.display_name
            from logbook_entry e join person p on p.id = e.person_id join app_user u on u.id = e.author_id""";

    public List<Logbook.Entry> logbook(UUID personId, String query, int limit) {
        if (query == null) {
            return jdbc.sql(LOGBOOK + " where e.person_id = ? order by e.occurred_at desc limit ?")
                    .params(personId, limit).query(DialogueStore::logbookEntry).list();
        }
        UUID organisationId = jdbc.sql("select organisation_id from person where id = ?").param(personId)
                .query(UUID.class).optional().orElse(null);
        String words = organisationId == null ? null : searchQuery(organisationId, query);
        if (words == null) {
            return List.of();
        }
        return jdbc.sql(LOGBOOK + " where e.person_id = ? and e.search @@ ?::tsquery"
                        + " order by e.occurred_at desc limit ?")
                .params(personId, words, limit).query(DialogueStore::logbookEntry).list();
    }

    /** One word of a query: the word, whether it is excluded ("-word"), and whether "of"/"or" joins it to the one before. */
    record Term(String word, boolean not, boolean or) {
        /** Other word forms and compounds are looked for from four letters on (a shorter prefix matches too much). */
        boolean expands() {
            return !not && word.codePointCount(0, word.length()) >= 4;
        }
    }

    /**
     * What a person types, as words: all are required; "of"/"or" between two words makes either
     * enough, "-word" excludes a word. Everything but letters and digits separates words.
     */
    static List<Term> terms(String query) {
        List<Term> terms = new ArrayList<>();
        if (query == null) {
            return terms;
        }
        boolean or = false;
        for (String token : query.trim().split("\\s+")) {
            if (token.equalsIgnoreCase("of") || token.equalsIgnoreCase("or")) {
                or = !terms.isEmpty();
                continue;
            }
            boolean not = token.startsWith("-") && token.length() > 1;
            for (String word : token.split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty()) {
                    terms.add(new Term(word.toLowerCase(Locale.ROOT), not, or));
                    or = false;
                }
            }
        }
        return terms;
    }

    /**
     * What a person types, as a Dutch full-text query with stemmed prefixes ("boodschap:*"): the
     * meaning of a search, written as a prefix query. The search itself does not run this (prefix
     * lookups in the GIN index are slow on a large logbook); it runs {@link #searchQuery}, which finds
     * the same entries and also compounds that contain the word. Returns null when nothing is left.
     */
    public static String wordForms(String query) {
        StringBuilder q = new StringBuilder();
        for (Term t : terms(query)) {
            q.append(q.isEmpty() ? "" : t.or() ? " | " : " & ").append(t.not() ? "!" : "").append(t.word())
                    .append(t.expands() ? ":*" : "");
        }
        return q.isEmpty() ? null : q.toString();
    }

    /** At most this many lexemes of the team stand for one search word (the word itself first, then prefixes, then compounds). */
    public static final int LEXEMES_PER_WORD = 32;

    /**
     * Per search word (position 1, 2, … in the first array; the second says whether it expands): its
     * Dutch stem, then the team's lexemes that start with the stem, then those that contain it (second
     * part of a compound; only a stem of four letters or more, "making" -> mak would find schoonmak),
     * shortest first, at most {@link #LEXEMES_PER_WORD}. A stop word gives no row.
     * The benchmark runs this same SQL raw. Parameters: words, expands, organisation.
     */
    public static final String LEXEMES_SQL = """
            select w.i, x.lexeme
            from unnest(?::text[], ?::boolean[]) with ordinality w(word, expands, i)
            cross join lateral (select s collate "C" from unnest(tsvector_to_array(to_tsvector('dutch', w.word))) s limit 1) st(stem)
            cross join lateral (
                select st.stem as lexeme, 0 as rank, 0 as len
                union all
                (select l.lexeme, case when l.lexeme like st.stem || '%%' then 1 else 2 end, length(l.lexeme)
                 from logbook_lexeme l
                 where w.expands and l.organisation_id = ? and l.lexeme <> st.stem
                   and (l.lexeme like st.stem || '%%' or length(st.stem) >= 4 and l.lexeme like '%%' || st.stem || '%%')
                 order by 2, 3, 1
                 limit %d)) x
            order by w.i, x.rank, x.len, x.lexeme""".formatted(LEXEMES_PER_WORD - 1);

    /**
     * The query a person typed as an exact tsquery over the team's real lexemes: each word becomes
     * the OR of its stem and the team's lexemes that start with or contain it ("boodschap" ->
     * 'boodschap' | 'boodschapp', "gesprek" -> 'gesprek' | 'kennismakingsgesprek' | …); words are
     * joined as {@link #terms} says. An exact lexeme is cheap to look up in the GIN index, where a
     * prefix visits every matching key of every team. Returns null when nothing searchable is left.
     */
    public String searchQuery(UUID organisationId, String query) {
        List<Term> terms = terms(query);
        if (terms.isEmpty()) {
            return null;
        }
        Map<Integer, List<String>> lexemes = new java.util.TreeMap<>();
        jdbc.sql(LEXEMES_SQL).params(searchWords(query), searchExpands(query), organisationId)
                .query((rs, n) -> Map.entry(rs.getInt(1), rs.getString(2))).list()
                .forEach(e -> lexemes.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return tsquery(terms, lexemes);
    }

    /** The first parameter of {@link #LEXEMES_SQL} for a query. */
    public static String[] searchWords(String query) {
        return terms(query).stream().map(Term::word).toArray(String[]::new);
    }

    /** The second parameter of {@link #LEXEMES_SQL} for a query. */
    public static Boolean[] searchExpands(String query) {
        return terms(query).stream().map(Term::expands).toArray(Boolean[]::new);
    }

    /** The tsquery for a query and the rows of {@link #LEXEMES_SQL} (position -> lexemes in order). */
    public static String tsquery(String query, Map<Integer, List<String>> lexemes) {
        return tsquery(terms(query), lexemes);
    }

    /** The tsquery text for the terms and, per term position (1-based), its lexemes; a term without lexemes (stop word) drops out. */
    static String tsquery(List<Term> terms, Map<Integer, List<String>> lexemes) {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < terms.size(); i++) {
            List<String> forms = lexemes.get(i + 1);
            if (forms == null || forms.isEmpty()) {
                continue;
            }
            Term t = terms.get(i);
            q.append(q.isEmpty() ? "" : t.or() ? " | " : " & ").append(t.not() ? "!" : "")
                    .append(forms.stream().map(DialogueStore::quoted).collect(Collectors.joining(" | ", "(", ")")));
        }
        return q.isEmpty() ? null : q.toString();
    }

    private static String quoted(String lexeme) {
        return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /**
     * The one query behind the caseload search (the benchmark runs this same SQL raw). The newest
     * matching entries of the team are found first (GIN index for rare words, the team's time index
     * for common ones); names are joined only for the page of hits. Parameters: organisation,
     * query (as {@link #searchQuery}), user, limit.
     */
    public static final String SEARCH_CASELOAD_SQL = """
            with hits as (
                select e.id, e.person_id, e.kind, e.occurred_at, e.text, e.author_id
                from logbook_entry e
                where e.organisation_id = ? and e.search @@ ?::tsquery
                  and exists (select 1 from care_team_member m where m.person_id = e.person_id and m.user_id = ?)
                order by e.occurred_at desc
                limit ?)
            select h.id, h.person_id, p.given_name || ' ' || p.family_name, h.kind, h.occurred_at, h.text, u.display_name
            from hits h join person p on p.id = h.person_id join app_user u on u.id = h.author_id
            order by h.occurred_at desc""";

    public List<Logbook.Entry> searchCaseload(UUID userId, UUID organisationId, String query, int limit) {
        String words = searchQuery(organisationId, query);
        if (words == null) {
            return List.of();
        }
        return jdbc.sql(SEARCH_CASELOAD_SQL).params(organisationId, words, userId, limit)
                .query(DialogueStore::logbookEntry).list();
    }

    private static Logbook.Entry logbookEntry(ResultSet rs, int i) throws SQLException {
        return new Logbook.Entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                Logbook.Kind.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7));
    }

    // --- helpers

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
