package org.samenkracht.exploration.internal;

import org.samenkracht.exploration.Explorations;
import org.samenkracht.exploration.SaveResponse;
import org.samenkracht.exploration.Wishes;
import org.samenkracht.identity.Accounts;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.samenkracht.common.demo.DemoIds.*;

/**
 * Jonas's wishes, in his words and his order; his own view of his quality of life two months ago,
 * Sanne's view, and the self-reliance filled in together. Fictional.
 */
@Component
@Order(50)
@ConditionalOnProperty(name = "samenkracht.demo.enabled", havingValue = "true")
class ExplorationDemoData implements ApplicationRunner {

    private final Wishes wishes;
    private final Explorations explorations;
    private final Accounts accounts;
    private final JdbcClient jdbc;

    ExplorationDemoData(Wishes wishes, Explorations explorations, Accounts accounts, JdbcClient jdbc) {
        this.wishes = wishes;
        this.explorations = explorations;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.onBehalfOf(PROFESSIONAL_SANNE, () -> {
            if (wishes.prioritised(PERSON_JONAS).isEmpty()) {
                wishes.add(PERSON_JONAS, new Wishes.AddWish("Een opgeruimd huis waar ik vrienden kan uitnodigen.", "CONVERSATION"));
                wishes.add(PERSON_JONAS, new Wishes.AddWish("Nieuwe mensen leren kennen, bijvoorbeeld via voetbal.", "CONVERSATION"));
                wishes.add(PERSON_JONAS, new Wishes.AddWish("Zelf mijn post en rekeningen bijhouden.", "CONVERSATION"));
            }
        });
        boolean explored = jdbc.sql("select exists (select 1 from instrument_response where person_id = ?)")
                .param(PERSON_JONAS).query(Boolean.class).single();
        if (explored) {
            return;
        }
        String[] qol = {"emotional", "physical", "material", "relations", "inclusion", "development", "self_determination", "rights"};
        accounts.onBehalfOf(ACCOUNT_JONAS, () -> {
            UUID earlier = explorations.start(PERSON_JONAS, new SaveResponse("qol-self", "1",
                    scores("qol.", qol, new int[]{2, 4, 3, 2, 2, 3, 3, 4}), true, null));
            backdate(earlier, 60);
        });
        accounts.onBehalfOf(PROFESSIONAL_SANNE, () -> {
            UUID other = explorations.start(PERSON_JONAS, new SaveResponse("qol-other", "1",
                    scores("qol.", qol, new int[]{3, 4, 3, 3, 2, 4, 4, 4}), true, null));
            backdate(other, 58);
            Map<String, String> reliance = new LinkedHashMap<>();
            String[] life = {"living", "work", "learning", "recreation", "health", "self_care", "social", "meaning"};
            int[] score = {3, 4, 3, 3, 4, 2, 3, 4};
            int[][] split = {{60, 20, 20}, {80, 10, 10}, {70, 20, 10}, {60, 40, 0}, {70, 10, 20}, {30, 30, 40}, {50, 50, 0}, {80, 20, 0}};
            for (int i = 0; i < life.length; i++) {
                reliance.put("reliance." + life[i] + ".score", String.valueOf(score[i]));
                reliance.put("reliance." + life[i] + ".own", String.valueOf(split[i][0]));
                reliance.put("reliance." + life[i] + ".network", String.valueOf(split[i][1]));
                reliance.put("reliance." + life[i] + ".professional", String.valueOf(split[i][2]));
            }
            explorations.start(PERSON_JONAS, new SaveResponse("self-reliance", "1", reliance, true, null));
        });
    }

    private static Map<String, String> scores(String prefix, String[] domains, int[] values) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < domains.length; i++) {
            out.put(prefix + domains[i] + ".score", String.valueOf(values[i]));
        }
        return out;
    }

    /** Demo only: the earlier filling-in took place weeks ago, so the charts show change over time. */
    private void backdate(UUID responseId, int days) {
        jdbc.sql("""
                update instrument_response set created_at = created_at - make_interval(days => ?),
                    updated_at = updated_at - make_interval(days => ?), completed_at = completed_at - make_interval(days => ?)
                where id = ?""").params(days, days, days, responseId).update();
    }
}
