package com.homemadealexa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class HomemadeAlexaApplication {

	public static void main(String[] args) {
		SpringApplication.run(HomemadeAlexaApplication.class, args);
	}

}
