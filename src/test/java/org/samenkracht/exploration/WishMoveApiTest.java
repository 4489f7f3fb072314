package org.samenkracht.exploration;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.PERSON_JONAS;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/** The API twin of the arrows on the wishes page (issue 15): one wish a step up or down, as the page does. */
@SamenkrachtTest
class WishMoveApiTest extends org.samenkracht.ApiTest {

    private final String base = "/api/v1/persons/" + PERSON_JONAS + "/wishes";


    private List<String> order(JsonNode wishes) {
        List<String> ids = new ArrayList<>();
        wishes.values().forEach(w -> ids.add(w.path("id").asString()));
        return ids;
    }

    @Test
    void one_wish_moves_a_step_through_the_api_for_the_person_and_not_for_another_organisation() throws Exception {
        List<String> before = order(json(as("jonas", get(base)), 200));
        assertThat(before.size()).isGreaterThanOrEqualTo(3);
        String second = before.get(1);
        try {
            // another organisation's professional may not
            json(as("pieter", post(base + "/" + second + "/move")).content("{\"direction\":-1}"), 403);
            // a direction other than one step up or down: 422 naming the field, the order unchanged
            JsonNode refused = json(as("jonas", post(base + "/" + second + "/move")).header("Accept-Language", "nl")
                    .content("{\"direction\":2}"), 422);
            assertThat(refused.path("fields").path("direction").asString()).isNotBlank();
            JsonNode missing = json(as("jonas", post(base + "/" + second + "/move")).content("{}"), 422);
            assertThat(missing.path("fields").path("direction").asString()).isNotBlank();
            assertThat(order(json(as("jonas", get(base)), 200))).isEqualTo(before);
            // an unknown wish: 404
            json(as("jonas", post(base + "/" + UUID.randomUUID() + "/move")).content("{\"direction\":1}"), 404);

            // the person moves the second wish to the top; the answer is the new order
            List<String> up = order(json(as("jonas", post(base + "/" + second + "/move")).content("{\"direction\":-1}"), 200));
            assertThat(up.get(0)).isEqualTo(second);
            assertThat(up.get(1)).isEqualTo(before.get(0));
            assertThat(up.subList(2, up.size())).isEqualTo(before.subList(2, before.size()));
            // at the top it stays; the team may move it down again
            assertThat(order(json(as("jonas", post(base + "/" + second + "/move")).content("{\"direction\":-1}"), 200)).get(0))
                    .isEqualTo(second);
            assertThat(order(json(as("sanne", post(base + "/" + second + "/move")).content("{\"direction\":1}"), 200)))
                    .isEqualTo(before);
        } finally {
            json(as("jonas", put(base + "/order")).content(JSON.writeValueAsString(Map.of("order", before))), 200);
        }
    }
}
