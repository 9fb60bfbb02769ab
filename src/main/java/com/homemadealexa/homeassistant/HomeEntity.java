package com.homemadealexa.homeassistant;

import java.util.List;

/**
 * One entity as {@code GET /api/states} shows it, with its area.
 *
 * @param entityId e.g. {@code light.kitchen}
 * @param name its {@code friendly_name}, or the entity id's object part when it has none
 * @param aliases other names: the {@code aliases} attribute, when there is one
 * @param area the name of its area; empty when it has none or areas are unknown
 * @param state e.g. {@code on}, {@code off}, {@code unavailable}
 */
record HomeEntity(String entityId, String name, List<String> aliases, String area, String state) {

	HomeEntity {
		aliases = List.copyOf(aliases);
	}

	String domain() {
		return this.entityId.substring(0, this.entityId.indexOf('.'));
	}

	HomeEntity inArea(String areaName) {
		return new HomeEntity(this.entityId, this.name, this.aliases, areaName, this.state);
	}

}
