package com.homemadealexa.homeassistant;

import java.nio.file.Path;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.springframework.test.context.DynamicPropertyRegistry;

import com.homemadealexa.testsupport.LoopbackWireMock;

/**
 * A sample home: the entities a loopback Home Assistant serves, and the settings that
 * point at it.
 */
final class HomeTestData {

	static final String TOKEN = "test-long-lived-token";

	private HomeTestData() {
	}

	/**
	 * A whole server (a {@code @SpringBootTest}) in English, with its data in
	 * {@code folder}, pointed at {@code homeAssistant}, which serves the sample home.
	 */
	static void serverOf(DynamicPropertyRegistry registry, Path folder, WireMockServer homeAssistant) {
		new HomeAssistantStubs(homeAssistant).home();
		registry.add("data.dir", () -> folder.resolve("data").toString());
		registry.add("firmware.dir", () -> folder.resolve("firmware").toString());
		registry.add("assistant.language", () -> "en-US");
		registry.add("home-assistant.url", () -> LoopbackWireMock.url(homeAssistant));
		registry.add("home-assistant.token", () -> TOKEN);
	}

	static HomeAssistantSettings settings(String url) {
		return settings(url, "llm");
	}

	static HomeAssistantSettings settings(String url, String prefer) {
		return new HomeAssistantSettings(url, TOKEN, 2, 300, HomeAssistantSettings.SUPPORTED_DOMAINS, List.of(), 100,
				prefer);
	}

	static HomeEntity entity(String entityId, String name, String area, String... aliases) {
		return new HomeEntity(entityId, name, List.of(aliases), area, "off");
	}

	/** An English-named home. */
	static List<HomeEntity> englishHome() {
		return List.of(entity("light.kitchen", "Kitchen Light", "Kitchen"),
				entity("light.kitchen_ceiling", "Ceiling", "Kitchen"),
				entity("light.bedroom_lamp", "Bedroom Lamp", "Bedroom", "Night light"),
				entity("light.living_room", "Living Room", "Living Room"),
				entity("switch.coffee_maker", "Coffee Maker", "Kitchen"),
				entity("cover.living_room_blinds", "Living Room Blinds", "Living Room"),
				entity("climate.hallway", "Thermostat", "Hallway"),
				entity("media_player.living_room_tv", "Living Room TV", "Living Room"),
				entity("fan.kids_room", "Kid's Room Fan", "Kid's Room"));
	}

	/** A Polish-named home. */
	static List<HomeEntity> polishHome() {
		return List.of(entity("light.kuchnia", "Światło kuchnia", "Kuchnia"),
				entity("light.salon_lampa", "Lampa", "Salon"), entity("light.salon_sufit", "Sufit", "Salon"),
				entity("light.lazienka", "Łazienka", "Łazienka"),
				entity("cover.sypialnia", "Roleta w sypialni", "Sypialnia"),
				entity("climate.dom", "Ogrzewanie", "Korytarz"), entity("media_player.telewizor", "Telewizor", "Salon"),
				entity("switch.gabinet", "Gniazdko", "Gabinet"));
	}

	/**
	 * {@code GET /api/states} of {@link #englishHome()} plus entities of other domains.
	 */
	static final String STATES_JSON = """
			[
			  {"entity_id": "light.kitchen", "state": "on",
			   "attributes": {"friendly_name": "Kitchen Light", "brightness": 180, "color_mode": "brightness",
			                  "supported_color_modes": ["brightness"], "supported_features": 40},
			   "last_changed": "2026-12-01T08:00:00.000000+00:00", "last_updated": "2026-12-01T08:00:00.000000+00:00",
			   "context": {"id": "01JC0000000000000000000000", "parent_id": null, "user_id": null}},
			  {"entity_id": "light.kitchen_ceiling", "state": "off",
			   "attributes": {"friendly_name": "Ceiling", "supported_features": 0}},
			  {"entity_id": "light.bedroom_lamp", "state": "off",
			   "attributes": {"friendly_name": "Bedroom Lamp", "aliases": ["Night light"]}},
			  {"entity_id": "switch.coffee_maker", "state": "off", "attributes": {"friendly_name": "Coffee Maker"}},
			  {"entity_id": "cover.living_room_blinds", "state": "open",
			   "attributes": {"friendly_name": "Living Room Blinds", "current_position": 100, "device_class": "blind"}},
			  {"entity_id": "climate.hallway", "state": "heat",
			   "attributes": {"friendly_name": "Thermostat", "current_temperature": 19.5, "temperature": 20,
			                  "hvac_modes": ["off", "heat"], "min_temp": 7, "max_temp": 35}},
			  {"entity_id": "media_player.living_room_tv", "state": "off",
			   "attributes": {"friendly_name": "Living Room TV", "device_class": "tv"}},
			  {"entity_id": "fan.no_name", "state": "off", "attributes": {}},
			  {"entity_id": "cover.sypialnia", "state": "open", "attributes": {"friendly_name": "Roleta w sypialni"}},
			  {"entity_id": "sensor.outside_temperature", "state": "3.5",
			   "attributes": {"friendly_name": "Outside Temperature", "unit_of_measurement": "°C"}},
			  {"entity_id": "sun.sun", "state": "below_horizon", "attributes": {"friendly_name": "Sun"}}
			]
			""";

	/** {@code POST /api/template} of the areas template, rendered for that home. */
	static final String AREAS_TEXT = "light.kitchen\tKitchen\nlight.kitchen_ceiling\tKitchen\n"
			+ "switch.coffee_maker\tKitchen\nlight.bedroom_lamp\tBedroom\ncover.living_room_blinds\tLiving Room\n"
			+ "media_player.living_room_tv\tLiving Room\nclimate.hallway\tHallway\n";

}
