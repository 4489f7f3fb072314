package org.samenkracht;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SamenkrachtApplication {

    static {
        // before any bean reads the clock: every time a person reads is in Europe/Amsterdam
        org.samenkracht.common.time.AmsterdamTime.useEverywhere();
    }

    public static void main(String[] args) {
        SpringApplication.run(SamenkrachtApplication.class, args);
    }
}
