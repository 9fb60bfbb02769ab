package com.homemadealexa.config;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code [data]}: the folder holding the server's own state (SQLite database, generated
 * secrets).
 *
 * @param dir the data folder; created at start-up
 */
@Validated
@ConfigurationProperties("data")
public record DataSettings(@NotNull Path dir) {

}
