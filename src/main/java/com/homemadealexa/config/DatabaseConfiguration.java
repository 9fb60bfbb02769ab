package com.homemadealexa.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server's SQLite database in the data folder. The URL settings are the ones that
 * keep Quartz's JDBC job store working on SQLite: WAL, a busy timeout, and IMMEDIATE
 * transactions so that concurrent writers wait instead of failing.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	static final String DATABASE_FILE = "alexa.db";

	@Bean
	DataSource dataSource(DataSettings data) {
		Path folder = data.dir();
		try {
			Files.createDirectories(folder);
		}
		catch (IOException ex) {
			throw new ConfigurationException(
					"The data folder " + folder.toAbsolutePath() + " ([data] dir) cannot be created: " + ex);
		}
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setPoolName("sqlite");
		dataSource.setJdbcUrl("jdbc:sqlite:" + folder.resolve(DATABASE_FILE).toAbsolutePath()
				+ "?journal_mode=WAL&busy_timeout=10000&transaction_mode=IMMEDIATE");
		// SQLite has one writer at a time; a few connections are enough for Quartz and
		// us.
		dataSource.setMaximumPoolSize(4);
		return dataSource;
	}

}
