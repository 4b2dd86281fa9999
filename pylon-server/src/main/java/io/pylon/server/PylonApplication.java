package io.pylon.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Pylon platform: OCPP gateway, REST API, persistence. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PylonApplication {
    public static void main(String[] args) {
        SpringApplication.run(PylonApplication.class, args);
    }
}
