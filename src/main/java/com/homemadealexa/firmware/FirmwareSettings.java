package com.homemadealexa.firmware;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code [firmware]}: where OTA {@code .bin} files live.
 *
 * @param dir the firmware folder
 */
@Validated
@ConfigurationProperties("firmware")
public record FirmwareSettings(@NotNull Path dir) {

}
