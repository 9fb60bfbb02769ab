package com.homemadealexa.audio;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code [sounds]}: where the chimes come from.
 *
 * @param dir folder with {@code start.wav} and {@code end.wav}; empty means the shipped
 * chimes
 */
@Validated
@ConfigurationProperties("sounds")
public record SoundSettings(@NotNull String dir) {

}
