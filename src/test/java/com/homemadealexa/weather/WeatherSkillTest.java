package com.homemadealexa.weather;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.homemadealexa.i18n.PhrasesTestData;
import com.homemadealexa.skill.SkillArguments;
import com.homemadealexa.skill.SkillResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.unauthorized;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.homemadealexa.i18n.PhrasesTestData.ENGLISH;
import static com.homemadealexa.i18n.PhrasesTestData.POLISH;
import static com.homemadealexa.skill.SkillContextTestData.at;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class WeatherSkillTest {

	private static final String FORECAST = "/v1/forecast";

	private static final String CURRENT_WEATHER = "/data/2.5/weather";

	private static final WireMockServer server = new WireMockServer(
			wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

	@BeforeAll
	static void startFakeServices() throws Exception {
		server.start();
		// The fake's first answer is slow while it warms up; keep that out of the timed
		// tests.
		try (HttpClient client = HttpClient.newHttpClient()) {
			client.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/__admin/mappings")).build(),
					HttpResponse.BodyHandlers.discarding());
		}
	}

	@AfterAll
	static void stopFakeServices() {
		server.stop();
	}

	@BeforeEach
	void forgetRequests() {
		server.resetAll();
	}

	@Test
	void reportsOpenMeteoWeatherInPolish() {
		server.stubFor(get(urlPathEqualTo(FORECAST)).willReturn(okJson(WeatherTestData.openMeteoAnswer())));

		SkillResult result = openMeteoSkill().execute(SkillArguments.none(), at(POLISH, "2026-11-23T14:05"));

		assertThat(result.phrases()).contains("Warszawa: pochmurno, 3 stopnie, odczuwalnie minus 1 stopień. "
				+ "Wilgotność 87 procent, ciśnienie 1013 hektopaskali. Słońce wzeszło o 7:12, zajdzie o 15:40.");
		assertThat(result.end()).isFalse();
		server.verify(1, getRequestedFor(urlPathEqualTo(FORECAST)).withQueryParam("latitude", equalTo("52.2297"))
			.withQueryParam("longitude", equalTo("21.0122"))
			.withQueryParam("current", equalTo(
					"temperature_2m,apparent_temperature,relative_humidity_2m,surface_pressure,pressure_msl,weather_code"))
			.withQueryParam("daily", equalTo("sunrise,sunset"))
			.withQueryParam("timezone", equalTo("auto"))
			.withQueryParam("forecast_days", equalTo("1")));
	}

	@Test
	void reportsOpenMeteoWeatherInEnglishBeforeSunrise() {
		server.stubFor(
				get(urlPathEqualTo(FORECAST)).willReturn(okJson(WeatherTestData.openMeteoAnswer(-7.6, -12.5, 71))));

		SkillResult result = openMeteoSkill().execute(SkillArguments.none(), at(ENGLISH, "2026-11-23T06:40"));

		assertThat(result.phrases()).contains("Warszawa: light snowfall, minus 8 degrees, feels like minus 13 degrees. "
				+ "Humidity 87 percent, pressure 1013 hectopascals. The sun will rise at 7:12 and set at 15:40.");
	}

	@Test
	void reportsOpenWeatherMapWeatherWithItsOwnDescription() {
		server.stubFor(get(urlPathEqualTo(CURRENT_WEATHER))
			.willReturn(okJson(WeatherTestData.openWeatherMapAnswer("zachmurzenie duże"))));

		SkillResult result = openWeatherMapSkill().execute(SkillArguments.none(), at(POLISH, "2026-11-23T17:00"));

		assertThat(result.phrases()).contains("Warszawa: zachmurzenie duże, 22 stopnie, odczuwalnie 22 stopnie. "
				+ "Wilgotność 64 procent, ciśnienie 1002 hektopaskale. Słońce wzeszło o 7:12, zaszło o 15:40.");
		server.verify(1,
				getRequestedFor(urlPathEqualTo(CURRENT_WEATHER)).withQueryParam("lat", equalTo("52.2297"))
					.withQueryParam("lon", equalTo("21.0122"))
					.withQueryParam("appid", equalTo(WeatherTestData.API_KEY))
					.withQueryParam("units", equalTo("metric"))
					.withQueryParam("lang", equalTo("pl")));
	}

	@Test
	void asksOpenWeatherMapInTheHouseholdLanguage() {
		server.stubFor(get(urlPathEqualTo(CURRENT_WEATHER))
			.willReturn(okJson(WeatherTestData.openWeatherMapAnswer("overcast clouds"))));

		SkillResult result = openWeatherMapSkill().execute(SkillArguments.none(), at(ENGLISH, "2026-11-23T12:00"));

		assertThat(result.phrases()).allMatch((s) -> s.contains("overcast clouds, 22 degrees"));
		server.verify(1, getRequestedFor(urlPathEqualTo(CURRENT_WEATHER)).withQueryParam("lang", equalTo("en")));
	}

	@Test
	void reusesAReportWithinTheCacheTime() {
		server.stubFor(get(urlPathEqualTo(FORECAST)).willReturn(okJson(WeatherTestData.openMeteoAnswer())));
		WeatherSkill skill = openMeteoSkill();

		SkillResult first = skill.execute(SkillArguments.none(), at(POLISH, "2026-11-23T14:05"));
		SkillResult second = skill.execute(SkillArguments.none(), at(POLISH, "2026-11-23T14:14"));

		server.verify(1, getRequestedFor(urlPathEqualTo(FORECAST)));
		assertThat(second.phrases()).isEqualTo(first.phrases());

		skill.execute(SkillArguments.none(), at(POLISH, "2026-11-23T14:15"));

		server.verify(2, getRequestedFor(urlPathEqualTo(FORECAST)));
	}

	@Test
	void cachedReportStillPhrasesTheSunAtTheTimeOfTheCommand() {
		server.stubFor(get(urlPathEqualTo(FORECAST)).willReturn(okJson(WeatherTestData.openMeteoAnswer())));
		WeatherSkill skill = openMeteoSkill();

		skill.execute(SkillArguments.none(), at(POLISH, "2026-11-23T15:35"));
		SkillResult afterSunset = skill.execute(SkillArguments.none(), at(POLISH, "2026-11-23T15:41"));

		server.verify(1, getRequestedFor(urlPathEqualTo(FORECAST)));
		assertThat(afterSunset.phrases()).allMatch((s) -> s.endsWith("zaszło o 15:40."));
	}

	@Test
	void apologisesWhenTheServiceFailsAndLogsTheUtterance(CapturedOutput output) {
		server.stubFor(get(urlPathEqualTo(FORECAST)).willReturn(serverError().withBody("oops")));

		SkillResult result = openMeteoSkill().execute(SkillArguments.none(), at(POLISH, "2026-11-23T14:05"));

		assertThat(result.phrases()).contains("Przepraszam, nie udało mi się sprawdzić pogody.");
		assertThat(result.label()).isEqualTo("weather unavailable");
		assertThat(output).containsOnlyOnce("No weather: Open-Meteo failed: 500");
	}

	@Test
	void apologisesForAnAnswerThatIsNotJson(CapturedOutput output) {
		server.stubFor(get(urlPathEqualTo(FORECAST)).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body>Service temporarily unavailable</body></html>")));

		SkillResult result = openMeteoSkill().execute(SkillArguments.none(), at(ENGLISH, "2026-11-23T14:05"));

		assertThat(result.phrases()).contains("Sorry, I couldn't get the weather.");
		assertThat(output).contains("Open-Meteo answered something that is not its JSON");
	}

	@Test
	void apologisesForJsonWithoutTheCurrentWeather(CapturedOutput output) {
		server.stubFor(get(urlPathEqualTo(FORECAST)).willReturn(
				okJson("{\"error\":true,\"reason\":\"Cannot initialize WeatherVariable from invalid String\"}")));

		SkillResult result = openMeteoSkill().execute(SkillArguments.none(), at(ENGLISH, "2026-11-23T14:05"));

		assertThat(result.label()).isEqualTo("weather unavailable");
		assertThat(output).contains("Open-Meteo answered without the current temperature");
	}

	@Test
	void apologisesWithinTheTimeoutWhenTheServiceIsSlow() {
		server.stubFor(get(urlPathEqualTo(FORECAST))
			.willReturn(okJson(WeatherTestData.openMeteoAnswer()).withFixedDelay(3_000)));
		WeatherSkill skill = openMeteoSkill(1);

		long started = System.nanoTime();
		SkillResult result = skill.execute(SkillArguments.none(), at(POLISH, "2026-11-23T14:05"));

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
		assertThat(result.label()).isEqualTo("weather unavailable");
	}

	@Test
	void doesNotCacheAFailure() {
		server.stubFor(get(urlPathEqualTo(FORECAST)).willReturn(serverError()));
		WeatherSkill skill = openMeteoSkill();
		skill.execute(SkillArguments.none(), at(POLISH, "2026-11-23T14:05"));
		server.stubFor(get(urlPathEqualTo(FORECAST)).willReturn(okJson(WeatherTestData.openMeteoAnswer())));

		SkillResult result = skill.execute(SkillArguments.none(), at(POLISH, "2026-11-23T14:06"));

		assertThat(result.label()).isEqualTo("weather Warszawa");
		server.verify(2, getRequestedFor(urlPathEqualTo(FORECAST)));
	}

	@Test
	void neverLogsTheOpenWeatherMapKey(CapturedOutput output) {
		WeatherSkill skill = openWeatherMapSkill(1);
		server.stubFor(get(urlPathEqualTo(CURRENT_WEATHER)).willReturn(unauthorized().withBody(
				"{\"cod\":401, \"message\": \"Invalid API key. Please see https://openweathermap.org/faq#error401 for more info.\"}")));
		SkillResult unauthorized = skill.execute(SkillArguments.none(), at(POLISH, "2026-11-23T14:05"));
		server.stubFor(get(urlPathEqualTo(CURRENT_WEATHER))
			.willReturn(okJson(WeatherTestData.openWeatherMapAnswer("x")).withFixedDelay(3_000)));
		SkillResult timedOut = skill.execute(SkillArguments.none(), at(POLISH, "2026-11-23T14:06"));

		assertThat(unauthorized.label()).isEqualTo("weather unavailable");
		assertThat(timedOut.label()).isEqualTo("weather unavailable");
		assertThat(output).contains("No weather: OpenWeatherMap failed: 401")
			.contains("No weather: OpenWeatherMap failed: I/O error")
			.doesNotContain(WeatherTestData.API_KEY);
	}

	@Test
	void describesItselfWithThePlace() {
		WeatherSkill skill = openMeteoSkill();

		assertThat(skill.name()).isEqualTo("get_weather");
		assertThat(skill.description(POLISH)).contains("pogodę", "Warszawa");
		assertThat(skill.description(Locale.US)).contains("weather", "Warszawa");
	}

	private static WeatherSkill openMeteoSkill() {
		return openMeteoSkill(5);
	}

	private static WeatherSkill openMeteoSkill(int timeoutSeconds) {
		return skill(WeatherTestData.openMeteo(server.baseUrl(), timeoutSeconds));
	}

	private static WeatherSkill openWeatherMapSkill() {
		return openWeatherMapSkill(5);
	}

	private static WeatherSkill openWeatherMapSkill(int timeoutSeconds) {
		return skill(WeatherTestData.openWeatherMap(server.baseUrl() + "/", timeoutSeconds));
	}

	private static WeatherSkill skill(WeatherSettings settings) {
		WeatherSource source = WeatherConfiguration.source(settings, JsonMapper.builder().build());
		return new WeatherSkill(source, settings, PhrasesTestData.phrases());
	}

}
