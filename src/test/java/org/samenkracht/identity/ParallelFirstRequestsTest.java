package org.samenkracht.identity;

import org.junit.jupiter.api.RepeatedTest;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.common.demo.DemoIds;
import org.samenkracht.operations.AppClient;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Right after sign-in the session holds no CSRF token; a browser that then opens several pages at
 * once (tabs, htmx requests) makes each of them store one. That used to end in a duplicate key and a
 * 500 for all but one of them.
 */
@SamenkrachtTest
class ParallelFirstRequestsTest {

    static final int AT_ONCE = 12;

    @LocalServerPort
    int port;

    @RepeatedTest(3)
    void pages_opened_at_once_right_after_sign_in_all_answer() throws Exception {
        AppClient client = new AppClient(port).signInWithoutAPage("sanne", DemoIds.PASSWORD);
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                Callable<Integer> open = () -> {
                    start.await();
                    return client.get("/persons").status();
                };
                answers.add(pool.submit(open));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).hasSize(AT_ONCE).containsOnly(200);
        } finally {
            pool.shutdownNow();
        }
    }
}
