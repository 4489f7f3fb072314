package org.samenkracht;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integration test on the real application and the embedded PostgreSQL (started once per test
 * run, data under target/test-pg), with the demo municipality loaded. Every test class that uses
 * exactly this annotation shares one Spring context, so keep extra configuration out of tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"samenkracht.data-dir=target/test-pg", "samenkracht.demo.enabled=true",
                // the operator's backup key (issue 14); a fixed test value, base64 of 32 bytes
                "samenkracht.backup.key=dGVzdC1iYWNrdXAta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE="})
@org.springframework.test.context.ContextConfiguration(initializers = {StatementCounting.class, RememberedPasswordChecks.class})
@AutoConfigureMockMvc
public @interface SamenkrachtTest {
}
