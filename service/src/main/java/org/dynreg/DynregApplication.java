package org.dynreg;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DynregApplication {
    public static void main(String[] args) {
        SpringApplication.run(DynregApplication.class, args);
    }
}
