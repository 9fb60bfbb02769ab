package com.homemadealexa.homeassistant;

import java.util.List;

import com.homemadealexa.homeassistant.SpokenNames.Resolution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpokenNamesTest {

	private static final List<HomeEntity> ENGLISH = HomeTestData.englishHome();

	private static final List<HomeEntity> POLISH = HomeTestData.polishHome();

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			kitchen light           | light.kitchen
			the Kitchen Light       | light.kitchen
			KITCHEN LIGHT           | light.kitchen
			my kitchen light please | light.kitchen
			bedroom lamp            | light.bedroom_lamp
			the night light         | light.bedroom_lamp
			coffee maker            | switch.coffee_maker
			the blinds              | cover.living_room_blinds
			living room blinds      | cover.living_room_blinds
			the thermostat          | climate.hallway
			the heating             | climate.hallway
			the tv                  | media_player.living_room_tv
			kid's room fan          | fan.kids_room
			the kids room fan       | fan.kids_room
			the fan                 | fan.kids_room
			""")
	void findsOneEnglishEntityTheWayPeopleSayIt(String spoken, String entityId) {
		assertThat(SpokenNames.resolve(spoken, ENGLISH)).isInstanceOfSatisfying(Resolution.One.class,
				(one) -> assertThat(one.entity().entityId()).isEqualTo(entityId));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			światło w kuchni        | light.kuchnia
			swiatlo w kuchni        | light.kuchnia
			Światło Kuchnia         | light.kuchnia
			lampę w salonie         | light.salon_lampa
			lampe                   | light.salon_lampa
			sufit                   | light.salon_sufit
			sufit w salonie         | light.salon_sufit
			światło w łazience      | light.lazienka
			swiatlo w lazience      | light.lazienka
			łazienkę                | light.lazienka
			roletę w sypialni       | cover.sypialnia
			rolete                  | cover.sypialnia
			ogrzewanie              | climate.dom
			termostat               | climate.dom
			telewizor               | media_player.telewizor
			telewizora              | media_player.telewizor
			gniazdko w gabinecie    | switch.gabinet
			""")
	void findsOnePolishEntityWhateverTheCaseEnding(String spoken, String entityId) {
		assertThat(SpokenNames.resolve(spoken, POLISH)).isInstanceOfSatisfying(Resolution.One.class,
				(one) -> assertThat(one.entity().entityId()).isEqualTo(entityId));
	}

	@Test
	void anEnglishPluralIsTheGroup() {
		assertThat(SpokenNames.resolve("the kitchen lights", ENGLISH)).isInstanceOfSatisfying(Resolution.Group.class,
				(group) -> assertThat(group.entities()).extracting(HomeEntity::entityId)
					.containsExactlyInAnyOrder("light.kitchen", "light.kitchen_ceiling"));
		assertThat(SpokenNames.resolve("the lights", ENGLISH)).isInstanceOfSatisfying(Resolution.Group.class,
				(group) -> assertThat(group.entities()).extracting(HomeEntity::domain)
					.containsOnly("light")
					.hasSize(4));
	}

	@Test
	void aPolishPluralIsTheGroup() {
		assertThat(SpokenNames.resolve("światła w salonie", POLISH)).isInstanceOfSatisfying(Resolution.Group.class,
				(group) -> assertThat(group.entities()).extracting(HomeEntity::entityId)
					.containsExactlyInAnyOrder("light.salon_lampa", "light.salon_sufit"));
		assertThat(SpokenNames.resolve("wszystkie światła", POLISH)).isInstanceOfSatisfying(Resolution.Group.class,
				(group) -> assertThat(group.entities()).hasSize(4));
	}

	@Test
	void aSingularKindWithSeveralCandidatesIsAQuestionNotAGuess() {
		assertThat(SpokenNames.resolve("the light", ENGLISH)).isInstanceOfSatisfying(Resolution.Ambiguous.class,
				(ambiguous) -> assertThat(ambiguous.entities()).hasSize(4));
		assertThat(SpokenNames.resolve("światło w salonie", POLISH)).isInstanceOfSatisfying(Resolution.Ambiguous.class,
				(ambiguous) -> assertThat(ambiguous.entities()).extracting(HomeEntity::entityId)
					.containsExactlyInAnyOrder("light.salon_lampa", "light.salon_sufit"));
	}

	@Test
	void anAreaAloneFittingSeveralDevicesIsAQuestion() {
		assertThat(SpokenNames.resolve("kitchen", ENGLISH)).isInstanceOf(Resolution.Ambiguous.class);
		assertThat(SpokenNames.resolve("salon", POLISH)).isInstanceOf(Resolution.Ambiguous.class);
	}

	@Test
	void anUnknownNameIsUnknownInBothLanguages() {
		assertThat(SpokenNames.resolve("garage door", ENGLISH)).isEqualTo(new Resolution.Unknown("garage door"));
		assertThat(SpokenNames.resolve("bedroom light", List.of(HomeTestData.entity("light.kitchen", "Kitchen", ""))))
			.isInstanceOf(Resolution.Unknown.class);
		assertThat(SpokenNames.resolve("piekarnik", POLISH)).isEqualTo(new Resolution.Unknown("piekarnik"));
		assertThat(SpokenNames.resolve("the", ENGLISH)).isInstanceOf(Resolution.Unknown.class);
	}

	@Test
	void aKindWordNeverReachesAnotherDomain() {
		// "coffee maker light": nothing is a light called coffee maker, the switch is not
		// taken instead.
		assertThat(SpokenNames.resolve("coffee maker light", ENGLISH)).isInstanceOf(Resolution.Unknown.class);
	}

	@Test
	void stemsMakeInflectedFormsOneWord() {
		assertThat(SpokenNames.words("kuchnia")).isEqualTo(SpokenNames.words("w kuchni"))
			.isEqualTo(SpokenNames.words("kuchnię"));
		assertThat(SpokenNames.words("łazienka")).isEqualTo(SpokenNames.words("łazience"));
		assertThat(SpokenNames.words("gabinet")).isEqualTo(SpokenNames.words("gabinecie"));
		assertThat(SpokenNames.words("lights")).isEqualTo(SpokenNames.words("the light"));
		assertThat(SpokenNames.words("switches")).isEqualTo(SpokenNames.words("switch"));
	}

}
