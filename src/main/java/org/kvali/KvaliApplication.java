package org.kvali;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Kvali: participation reporting for civil-society programmes, served over GraphQL. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KvaliApplication {

	public static void main(String[] args) {
		SpringApplication.run(KvaliApplication.class, args);
	}

}
