package com.homemadealexa.homeassistant;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import com.homemadealexa.homeassistant.SpokenNames.Resolution;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The exposed entities (of the configured domains and areas), read from Home Assistant in
 * the background every {@code refresh_seconds}, and again on demand when a name is not
 * found (at most once every {@value #ON_DEMAND_PAUSE_SECONDS} s, so a name nobody has
 * does not cost a call each time; while Home Assistant is failing, at most once every
 * {@value #ON_DEMAND_PAUSE_WHEN_FAILING_SECONDS} s, so a hanging Home Assistant does not
 * add its timeout to every command). Start-up never waits for Home Assistant; while it is
 * unreachable the last list read stays in use. Thread-safe.
 */
class HomeEntities implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(HomeEntities.class);

	static final int ON_DEMAND_PAUSE_SECONDS = 10;

	static final int ON_DEMAND_PAUSE_WHEN_FAILING_SECONDS = 60;

	private final HomeAssistantClient client;

	private final HomeAssistantSettings settings;

	private final LongSupplier nanoTime;

	private final ReentrantLock refreshing = new ReentrantLock();

	private volatile List<HomeEntity> exposed = List.of();

	/** When the last refresh was attempted; guarded by {@link #refreshing}. */
	private long lastAttempt;

	private boolean attempted;

	/** Guarded by {@link #refreshing}. */
	private boolean failing;

	private boolean areasUnavailable;

	private @Nullable ScheduledExecutorService scheduler;

	HomeEntities(HomeAssistantClient client, HomeAssistantSettings settings) {
		this(client, settings, System::nanoTime);
	}

	HomeEntities(HomeAssistantClient client, HomeAssistantSettings settings, LongSupplier nanoTime) {
		this.client = client;
		this.settings = settings;
		this.nanoTime = nanoTime;
	}

	/**
	 * @return the exposed entities as last read
	 */
	List<HomeEntity> exposed() {
		return this.exposed;
	}

	/**
	 * Finds what a spoken name means among the exposed entities of the given domains;
	 * when nothing fits, reads the entities again (unless that was done very recently)
	 * and tries once more.
	 */
	Resolution resolve(String spoken, Set<String> domains) {
		Resolution resolution = SpokenNames.resolve(spoken, of(domains));
		if (resolution instanceof Resolution.Unknown) {
			// Even without a refresh of its own, a background refresh it waited for may
			// have brought the entity.
			refreshIfDue();
			resolution = SpokenNames.resolve(spoken, of(domains));
		}
		return resolution;
	}

	private Collection<HomeEntity> of(Set<String> domains) {
		return this.exposed.stream().filter((entity) -> domains.contains(entity.domain())).toList();
	}

	private boolean refreshIfDue() {
		this.refreshing.lock();
		try {
			long since = this.nanoTime.getAsLong() - this.lastAttempt;
			int pause = this.failing ? ON_DEMAND_PAUSE_WHEN_FAILING_SECONDS : ON_DEMAND_PAUSE_SECONDS;
			if (this.attempted && since < Duration.ofSeconds(pause).toNanos()) {
				return false;
			}
			return refresh();
		}
		finally {
			this.refreshing.unlock();
		}
	}

	/**
	 * Reads the entities now.
	 * @return whether the list was read
	 */
	boolean refresh() {
		this.refreshing.lock();
		try {
			this.lastAttempt = this.nanoTime.getAsLong();
			this.attempted = true;
			List<HomeEntity> states;
			try {
				states = this.client.states();
			}
			catch (HomeAssistantException ex) {
				if (!this.failing) {
					log.warn("Home Assistant entities could not be read ({}); the last list read stays in use",
							ex.getMessage());
				}
				this.failing = true;
				return false;
			}
			Map<String, String> areas = areas();
			List<HomeEntity> read = states.stream()
				.map((entity) -> entity.inArea(areas.getOrDefault(entity.entityId(), "")))
				.filter(this::isExposed)
				.toList();
			if (this.failing || this.exposed.size() != read.size()) {
				log.info("Home Assistant: {} entities exposed", read.size());
			}
			this.failing = false;
			this.exposed = read;
			return true;
		}
		finally {
			this.refreshing.unlock();
		}
	}

	private Map<String, String> areas() {
		try {
			Map<String, String> areas = this.client.areas();
			this.areasUnavailable = false;
			return areas;
		}
		catch (HomeAssistantException ex) {
			if (!this.areasUnavailable) {
				log.info("Home Assistant areas are not known ({}); names are matched without them", ex.getMessage());
			}
			this.areasUnavailable = true;
			return Map.of();
		}
	}

	private boolean isExposed(HomeEntity entity) {
		if (!this.settings.domains().contains(entity.domain())) {
			return false;
		}
		if (this.settings.areas().isEmpty()) {
			return true;
		}
		String area = SpokenNames.plain(entity.area());
		return this.settings.areas().stream().anyMatch((wanted) -> SpokenNames.plain(wanted).equals(area));
	}

	@Override
	public void start() {
		ScheduledExecutorService timer = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("home-assistant-refresh").factory());
		timer.scheduleWithFixedDelay(this::refreshQuietly, 0, this.settings.refreshSeconds(), TimeUnit.SECONDS);
		this.scheduler = timer;
	}

	private void refreshQuietly() {
		try {
			refresh();
		}
		catch (RuntimeException ex) {
			// A scheduled task that throws is never run again.
			log.warn("Home Assistant entities could not be read", ex);
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService timer = this.scheduler;
		if (timer != null) {
			timer.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

}
