package org.samenkracht;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SamenkrachtApplication {
    public static void main(String[] args) {
        SpringApplication.run(SamenkrachtApplication.class, args);
    }
}
