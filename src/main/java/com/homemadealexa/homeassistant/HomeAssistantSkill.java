package com.homemadealexa.homeassistant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.homemadealexa.homeassistant.HomeAssistantException.Failure;
import com.homemadealexa.homeassistant.SpokenNames.Resolution;
import com.homemadealexa.i18n.Phrases;
import com.homemadealexa.i18n.Plurals;
import com.homemadealexa.skill.Parameter;
import com.homemadealexa.skill.Skill;
import com.homemadealexa.skill.SkillArguments;
import com.homemadealexa.skill.SkillContext;
import com.homemadealexa.skill.SkillResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Controls a Home Assistant entity by the name the user says: on, off, open, close, or
 * set to a value (brightness, fan speed or position in percent, temperature in degrees,
 * volume). The model sees the exposed names as an {@code enum}; a name outside the list
 * (or from a local template) comes as free text and is matched by {@link SpokenNames}. A
 * name that fits several entities gets a question, one that fits none gets "I don't know
 * a device called …": nothing is switched on a guess.
 */
class HomeAssistantSkill implements Skill {

	private static final Logger log = LoggerFactory.getLogger(HomeAssistantSkill.class);

	static final String NAME = "home_assistant";

	static final String ACTION = "action";

	static final String ENTITY = "entity";

	static final String SPOKEN_NAME = "name";

	static final String VALUE = "value";

	private static final int NAMES_IN_A_QUESTION = 4;

	private final HomeEntities entities;

	private final HomeAssistantClient client;

	private final HomeAssistantSettings settings;

	private final Phrases phrases;

	HomeAssistantSkill(HomeEntities entities, HomeAssistantClient client, HomeAssistantSettings settings,
			Phrases phrases) {
		this.entities = entities;
		this.client = client;
		this.settings = settings;
		this.phrases = phrases;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String description(Locale locale) {
		return this.phrases.text(locale, "skill.home_assistant.description");
	}

	@Override
	public List<Parameter> parameters() {
		Locale locale = this.phrases.locale();
		List<String> names = this.entities.exposed()
			.stream()
			.map(HomeEntity::name)
			.distinct()
			.sorted()
			.limit(this.settings.maxEntities())
			.toList();
		List<Parameter> parameters = new ArrayList<>();
		parameters.add(
				Parameter.choice(ACTION, this.phrases.text(locale, "skill.home_assistant.param.action"), Action.class));
		if (!names.isEmpty()) {
			parameters
				.add(Parameter.choice(ENTITY, this.phrases.text(locale, "skill.home_assistant.param.entity"), names)
					.optional());
		}
		parameters
			.add(Parameter.text(SPOKEN_NAME, this.phrases.text(locale, "skill.home_assistant.param.name")).optional());
		parameters
			.add(Parameter.number(VALUE, this.phrases.text(locale, "skill.home_assistant.param.value")).optional());
		return parameters;
	}

	/**
	 * A local template's match is taken only for a name that Home Assistant has; any
	 * other name is left to the next template (an MQTT device) or the model.
	 */
	@Override
	public boolean claims(Map<String, Object> arguments) {
		Optional<Action> action = Action.of(String.valueOf(arguments.get(ACTION)));
		Object name = arguments.getOrDefault(ENTITY, arguments.get(SPOKEN_NAME));
		if (action.isEmpty() || name == null) {
			return false;
		}
		return !(this.entities.resolve(name.toString(),
				Set.copyOf(this.settings.domains())) instanceof Resolution.Unknown);
	}

	@Override
	public SkillResult execute(SkillArguments arguments, SkillContext context) {
		Locale locale = context.locale();
		Action action = arguments.choice(ACTION, Action.class);
		Optional<String> spoken = arguments.optionalString(ENTITY).or(() -> arguments.optionalString(SPOKEN_NAME));
		if (spoken.isEmpty() || spoken.get().isBlank()) {
			return SkillResult.say("home_assistant which", this.phrases.all(locale, "homeassistant.which-device"));
		}
		Resolution resolution = this.entities.resolve(spoken.get(), action.domains());
		if (resolution instanceof Resolution.Unknown) {
			Resolution anyDomain = this.entities.resolve(spoken.get(), Set.copyOf(this.settings.domains()));
			if (!(anyDomain instanceof Resolution.Unknown)) {
				String name = (anyDomain instanceof Resolution.One one) ? one.entity().name() : spoken.get().strip();
				return SkillResult.say("home_assistant unsupported",
						this.phrases.all(locale, "homeassistant.unsupported", name));
			}
		}
		return switch (resolution) {
			case Resolution.Unknown unknown -> SkillResult.say("home_assistant unknown " + unknown.spoken(),
					this.phrases.all(locale, "homeassistant.unknown", unknown.spoken()));
			case Resolution.Ambiguous ambiguous -> SkillResult.say("home_assistant ambiguous",
					this.phrases.all(locale, "homeassistant.ambiguous", question(ambiguous.entities(), locale)));
			case Resolution.One one -> act(action, List.of(one.entity()), arguments, context);
			case Resolution.Group group -> act(action, group.entities(), arguments, context);
		};
	}

	private SkillResult act(Action action, List<HomeEntity> targets, SkillArguments arguments, SkillContext context) {
		Locale locale = context.locale();
		String names = join(targets.stream().map(HomeEntity::name).distinct().toList(), locale, "homeassistant.and");
		Optional<Double> value = arguments.optionalNumber(VALUE);
		if (action == Action.set && value.isEmpty()) {
			return SkillResult.say("home_assistant value missing",
					this.phrases.all(locale, "homeassistant.value-missing", names));
		}
		Map<String, List<HomeEntity>> byDomain = new LinkedHashMap<>();
		targets.forEach((entity) -> byDomain.computeIfAbsent(entity.domain(), (d) -> new ArrayList<>()).add(entity));
		List<String> calls = new ArrayList<>();
		for (Map.Entry<String, List<HomeEntity>> domain : byDomain.entrySet()) {
			Optional<ServiceCall> call = ServiceCall.of(action, domain.getKey(), value.orElse(0.0),
					domain.getValue().stream().map(HomeEntity::entityId).toList());
			if (call.isEmpty()) {
				return SkillResult.say("home_assistant value invalid",
						this.phrases.all(locale, "homeassistant.value-invalid", names));
			}
			try {
				this.client.callService(domain.getKey(), call.get().service(), call.get().data());
			}
			catch (HomeAssistantException ex) {
				log.warn("Home Assistant {}.{} failed: {}", domain.getKey(), call.get().service(), ex.getMessage());
				return SkillResult.say("home_assistant " + ex.failure().name().toLowerCase(Locale.ROOT),
						this.phrases.all(locale, apology(ex.failure())));
			}
			calls.add(domain.getKey() + "." + call.get().service() + " " + call.get().data().get("entity_id"));
		}
		String label = "home_assistant " + String.join(", ", calls);
		if (action == Action.set) {
			String spokenValue = spokenValue(value.get(), byDomain.keySet(), locale);
			return SkillResult.say(label, this.phrases.all(locale, "homeassistant.done.set", names, spokenValue));
		}
		return SkillResult.say(label, this.phrases.all(locale, "homeassistant.done." + action.name(), names));
	}

	static String apology(Failure failure) {
		return switch (failure) {
			case UNREACHABLE -> "homeassistant.unreachable";
			case TIMEOUT -> "homeassistant.slow";
			case UNAUTHORIZED -> "homeassistant.unauthorized";
			case REJECTED, MALFORMED -> "homeassistant.rejected";
		};
	}

	private String spokenValue(double value, Set<String> domains, Locale locale) {
		long whole = Math.round(value);
		String number = (value == whole) ? Long.toString(whole)
				: String.format(locale, "%.1f", value).replace("-0", "0");
		if (domains.contains("climate")) {
			return number + " "
					+ ((value == whole)
							? Plurals.choose(locale, whole, this.phrases.text(locale, "homeassistant.unit.degree.one"),
									this.phrases.text(locale, "homeassistant.unit.degree.few"),
									this.phrases.text(locale, "homeassistant.unit.degree.many"))
							: this.phrases.text(locale, "homeassistant.unit.degree.fraction"));
		}
		return number + " " + this.phrases.text(locale, "homeassistant.unit.percent");
	}

	private String question(List<HomeEntity> candidates, Locale locale) {
		Set<String> seen = new LinkedHashSet<>();
		List<String> names = new ArrayList<>();
		for (HomeEntity entity : candidates) {
			String name = entity.name();
			boolean sameName = candidates.stream()
				.filter((other) -> other.name().equalsIgnoreCase(entity.name()))
				.count() > 1;
			if (sameName) {
				name = name + " (" + (entity.area().isBlank() ? entity.entityId() : entity.area()) + ")";
			}
			if (seen.add(name) && names.size() < NAMES_IN_A_QUESTION) {
				names.add(name);
			}
		}
		return join(names, locale, "homeassistant.or");
	}

	private String join(List<String> names, Locale locale, String conjunctionKey) {
		if (names.size() == 1) {
			return names.getFirst();
		}
		return String.join(", ", names.subList(0, names.size() - 1)) + " " + this.phrases.text(locale, conjunctionKey)
				+ " " + names.getLast();
	}

	/**
	 * What the user wants done, as the {@code action} argument says it.
	 */
	enum Action {

		turn_on, turn_off, open, close, set;

		static Optional<Action> of(String name) {
			return List.of(values()).stream().filter((action) -> action.name().equals(name)).findFirst();
		}

		Set<String> domains() {
			return switch (this) {
				case turn_on, turn_off -> Set.copyOf(HomeAssistantSettings.SUPPORTED_DOMAINS);
				case open, close -> Set.of("cover");
				case set -> Set.of("light", "fan", "cover", "climate", "media_player");
			};
		}

	}

	/**
	 * One {@code POST /api/services/<domain>/<service>}.
	 *
	 * @param service the service
	 * @param data its JSON body, with {@code entity_id}
	 */
	record ServiceCall(String service, Map<String, Object> data) {

		/**
		 * @return the call, or empty when the value is out of range
		 */
		static Optional<ServiceCall> of(Action action, String domain, double value, List<String> entityIds) {
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("entity_id", (entityIds.size() == 1) ? entityIds.getFirst() : entityIds);
			String service = switch (action) {
				case turn_on -> domain.equals("cover") ? "open_cover" : "turn_on";
				case turn_off -> domain.equals("cover") ? "close_cover" : "turn_off";
				case open -> "open_cover";
				case close -> "close_cover";
				case set -> {
					if (domain.equals("climate")) {
						if (value < 5 || value > 35) {
							yield null;
						}
						data.put("temperature", (value == Math.rint(value)) ? (Object) Math.round(value) : value);
						yield "set_temperature";
					}
					if (value < 0 || value > 100) {
						yield null;
					}
					long percent = Math.round(value);
					yield switch (domain) {
						case "light" -> {
							data.put("brightness_pct", percent);
							yield "turn_on";
						}
						case "fan" -> {
							data.put("percentage", percent);
							yield "set_percentage";
						}
						case "cover" -> {
							data.put("position", percent);
							yield "set_cover_position";
						}
						case "media_player" -> {
							data.put("volume_level", percent / 100.0);
							yield "volume_set";
						}
						default -> null;
					};
				}
			};
			return Optional.ofNullable(service).map((name) -> new ServiceCall(name, data));
		}

	}

}
