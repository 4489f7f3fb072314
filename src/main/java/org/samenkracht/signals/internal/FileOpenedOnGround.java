package org.samenkracht.signals.internal;

import org.samenkracht.privacy.AccessLogNote;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

/**
 * "Who looked" (issue 19, items 4 and 8): the file was opened from a concern passed on by a partner, on which ground
 * (the person's consent, or a ground the secrecy rules allow without it) and when; never the partner or the details.
 * The key is {@code accessLog.<reader>.signalFile.<GROUND>} with the day as its argument.
 */
@Component
class FileOpenedOnGround implements AccessLogNote {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final JdbcClient jdbc;

    FileOpenedOnGround(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Note> note(UUID personId) {
        return jdbc.sql("""
                select file_ground, (file_opened_at at time zone 'Europe/Amsterdam')::date as day from signal
                where person_id = ? and file_ground is not null order by file_opened_at desc limit 1""")
                .param(personId)
                .query((rs, i) -> new Note("signalFile." + rs.getString(1), DAY.format(rs.getObject(2, LocalDate.class))))
                .optional();
    }
}
