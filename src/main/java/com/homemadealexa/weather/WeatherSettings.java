package com.homemadealexa.weather;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code [weather]}: where and from whom the weather comes.
 *
 * @param place name of the place, as spoken in the report
 * @param latitude of the place
 * @param longitude of the place
 * @param openMeteoUrl Open-Meteo base URL (used when there is no OpenWeatherMap key)
 * @param openweathermapApiKey OpenWeatherMap key; empty means Open-Meteo is used
 * @param openweathermapUrl OpenWeatherMap base URL
 * @param cacheMinutes how long a fetched report is reused; 0 fetches every time
 * @param timeoutSeconds limit for connecting to and for the answer of the weather service
 */
@Validated
@ConfigurationProperties("weather")
public record WeatherSettings(@NotBlank String place, @DecimalMin("-90") @DecimalMax("90") double latitude,
		@DecimalMin("-180") @DecimalMax("180") double longitude, @NotBlank String openMeteoUrl,
		@NotNull String openweathermapApiKey, @NotBlank String openweathermapUrl, @Min(0) int cacheMinutes,
		@Min(1) int timeoutSeconds) {

	public boolean usesOpenWeatherMap() {
		return !this.openweathermapApiKey.isBlank();
	}

	public Duration cacheTime() {
		return Duration.ofMinutes(this.cacheMinutes);
	}

	public Duration timeout() {
		return Duration.ofSeconds(this.timeoutSeconds);
	}

	/**
	 * Leaves the API key out, so that logging the settings leaks no secret.
	 */
	@Override
	public String toString() {
		return "WeatherSettings[place=%s, latitude=%s, longitude=%s, openMeteoUrl=%s, openweathermapApiKey=%s, openweathermapUrl=%s, cacheMinutes=%d, timeoutSeconds=%d]"
			.formatted(this.place, this.latitude, this.longitude, this.openMeteoUrl,
					usesOpenWeatherMap() ? "(set)" : "(empty)", this.openweathermapUrl, this.cacheMinutes,
					this.timeoutSeconds);
	}

}
