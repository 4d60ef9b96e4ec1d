package io.labelloop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts Labelloop: the store, the loops in routes/ and, when the web app is on the classpath, the views. */
@SpringBootApplication
public class LabelloopApplication {

    public static void main(String[] args) {
        SpringApplication.run(LabelloopApplication.class, args);
    }
}
