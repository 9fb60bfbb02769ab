package com.homemadealexa.home;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps one connection to the broker with Eclipse Paho.
 *
 * <p>
 * Start-up never waits for the broker: the first connection is made in the background and
 * retried with a growing pause (up to 30 s) until it succeeds; a lost connection is
 * retried the same way. Paho's own automatic reconnect is not used because it does not
 * retry a first connection that failed, and Paho waits for ever for a broker that accepts
 * the socket but never acknowledges the connection: such an attempt is abandoned with its
 * client after twice the timeout. A command that finds the broker away tries to connect
 * at once instead of waiting for the next retry, and gives up when that attempt fails or
 * the timeout passes.
 */
@Component
class PahoMqttPublisher implements MqttPublisher, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PahoMqttPublisher.class);

	private static final int AT_LEAST_ONCE = 1;

	private static final int LONGEST_RETRY_PAUSE_SECONDS = 30;

	private final MqttSettings settings;

	private final ReentrantLock lock = new ReentrantLock();

	/** Signalled whenever a connection attempt ends. */
	private final Condition attemptEnded = this.lock.newCondition();

	// Everything below is guarded by lock. Callbacks from a client or an attempt that has
	// been replaced are ignored.

	private @Nullable MqttAsyncClient client;

	private @Nullable ScheduledExecutorService scheduler;

	private @Nullable ScheduledFuture<?> nextRetry;

	private boolean running;

	private boolean connecting;

	private long startedAttempts;

	private long endedAttempts;

	private int failuresInARow;

	PahoMqttPublisher(MqttSettings settings) {
		this.settings = settings;
	}

	@Override
	public void start() {
		this.lock.lock();
		try {
			if (this.running) {
				return;
			}
			this.running = true;
			if (!this.settings.configured()) {
				log.info("mqtt.url is empty: lights and TV cannot be switched");
				return;
			}
			this.client = newClient();
			if (this.client == null) {
				return;
			}
			this.scheduler = Executors
				.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("mqtt-reconnect").factory());
			connect();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void stop() {
		MqttAsyncClient closing;
		this.lock.lock();
		try {
			this.running = false;
			if (this.scheduler != null) {
				this.scheduler.shutdownNow();
				this.scheduler = null;
			}
			closing = this.client;
			this.client = null;
			this.attemptEnded.signalAll();
		}
		finally {
			this.lock.unlock();
		}
		if (closing != null) {
			discard(closing);
		}
	}

	@Override
	public boolean isRunning() {
		this.lock.lock();
		try {
			return this.running;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * @return whether the broker is connected right now
	 */
	boolean connected() {
		this.lock.lock();
		try {
			return this.client != null && this.client.isConnected();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void publish(String topic, String payload) {
		long deadline = System.nanoTime() + this.settings.timeout().toNanos();
		MqttAsyncClient connected = awaitConnection(deadline);
		IMqttDeliveryToken delivery;
		try {
			delivery = connected.publish(topic, payload.getBytes(StandardCharsets.UTF_8), AT_LEAST_ONCE, false);
		}
		catch (MqttException ex) {
			throw new DeviceUnreachableException("MQTT publish to " + topic + " failed: " + ex.getMessage());
		}
		try {
			delivery.waitForCompletion(Math.max(1, remainingMillis(deadline)));
		}
		catch (MqttException ex) {
			// Late delivery would switch the device long after the user heard it failed.
			withdraw(connected, delivery);
			throw new DeviceUnreachableException(
					"MQTT broker " + this.settings.url() + " did not acknowledge " + topic + ": " + ex.getMessage());
		}
	}

	private MqttAsyncClient awaitConnection(long deadline) {
		this.lock.lock();
		try {
			MqttAsyncClient current = this.client;
			if (current == null) {
				throw new DeviceUnreachableException(this.settings.configured()
						? "MQTT broker " + this.settings.url() + " is not usable" : "no MQTT broker is configured");
			}
			long attemptsBefore = this.endedAttempts;
			connect();
			while (!current.isConnected()) {
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0 || this.endedAttempts > attemptsBefore || this.client != current) {
					throw new DeviceUnreachableException("MQTT broker " + this.settings.url() + " is unreachable");
				}
				this.attemptEnded.awaitNanos(remaining);
			}
			return current;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeviceUnreachableException("interrupted while waiting for the MQTT broker");
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Starts a connection attempt unless one is under way or the broker is connected.
	 * Called with the lock held.
	 */
	private void connect() {
		MqttAsyncClient current = this.client;
		ScheduledExecutorService timers = this.scheduler;
		if (!this.running || current == null || timers == null || this.connecting || current.isConnected()) {
			return;
		}
		if (this.nextRetry != null) {
			this.nextRetry.cancel(false);
			this.nextRetry = null;
		}
		this.connecting = true;
		long attempt = ++this.startedAttempts;
		try {
			current.connect(options(), null, new AttemptOutcome(current, attempt));
			timers.schedule(() -> abandonIfUnanswered(current, attempt), 2L * this.settings.timeoutSeconds(),
					TimeUnit.SECONDS);
		}
		catch (MqttException ex) {
			attemptFailed(ex.getMessage());
		}
	}

	private void abandonIfUnanswered(MqttAsyncClient attemptClient, long attempt) {
		this.lock.lock();
		try {
			if (!isCurrent(attemptClient, attempt) || !this.connecting) {
				return;
			}
			MqttAsyncClient fresh = newClient();
			if (fresh == null) {
				return;
			}
			this.client = fresh;
			this.scheduler.execute(() -> discard(attemptClient));
			attemptFailed("no answer to the connection request");
		}
		finally {
			this.lock.unlock();
		}
	}

	private boolean isCurrent(MqttAsyncClient attemptClient, long attempt) {
		return this.client == attemptClient && this.startedAttempts == attempt;
	}

	/**
	 * Called with the lock held.
	 */
	private void attemptFailed(@Nullable String reason) {
		this.connecting = false;
		this.endedAttempts++;
		this.failuresInARow++;
		int pause = Math.min(LONGEST_RETRY_PAUSE_SECONDS, 1 << Math.min(this.failuresInARow - 1, 5));
		if (this.failuresInARow == 1) {
			log.warn("MQTT broker {} is unreachable ({}); retrying in the background", this.settings.url(), reason);
		}
		else {
			log.debug("MQTT broker {} still unreachable ({}); next try in {} s", this.settings.url(), reason, pause);
		}
		retryIn(Duration.ofSeconds(pause));
		this.attemptEnded.signalAll();
	}

	/**
	 * Called with the lock held.
	 */
	private void retryIn(Duration pause) {
		if (!this.running || this.scheduler == null) {
			return;
		}
		if (this.nextRetry != null) {
			this.nextRetry.cancel(false);
		}
		this.nextRetry = this.scheduler.schedule(this::retry, pause.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void retry() {
		this.lock.lock();
		try {
			this.nextRetry = null;
			connect();
		}
		finally {
			this.lock.unlock();
		}
	}

	private MqttConnectOptions options() {
		MqttConnectOptions options = new MqttConnectOptions();
		options.setCleanSession(true);
		options.setAutomaticReconnect(false);
		options.setConnectionTimeout(this.settings.timeoutSeconds());
		if (!this.settings.username().isBlank()) {
			options.setUserName(this.settings.username());
			options.setPassword(this.settings.password().toCharArray());
		}
		return options;
	}

	private @Nullable MqttAsyncClient newClient() {
		try {
			MqttAsyncClient created = new MqttAsyncClient(this.settings.serverUri(), this.settings.clientId(),
					new MemoryPersistence());
			created.setCallback(new ConnectionWatch(created));
			return created;
		}
		catch (MqttException | IllegalArgumentException ex) {
			log.warn("MQTT broker URL {} cannot be used: {}", this.settings.url(), ex.getMessage());
			return null;
		}
	}

	private static void discard(MqttAsyncClient client) {
		try {
			client.disconnectForcibly(0, 1000, client.isConnected());
		}
		catch (MqttException | RuntimeException ex) {
			log.debug("MQTT client did not disconnect cleanly: {}", ex.getMessage());
		}
		try {
			client.close(true);
		}
		catch (MqttException | RuntimeException ex) {
			log.debug("MQTT client did not close cleanly: {}", ex.getMessage());
		}
	}

	private static void withdraw(MqttAsyncClient client, IMqttDeliveryToken delivery) {
		try {
			client.removeMessage(delivery);
		}
		catch (MqttException ex) {
			log.debug("Could not withdraw an undelivered MQTT message: {}", ex.getMessage());
		}
	}

	private static long remainingMillis(long deadline) {
		return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
	}

	/**
	 * Paho's answer to one connection attempt, on a Paho thread.
	 */
	private final class AttemptOutcome implements IMqttActionListener {

		private final MqttAsyncClient attemptClient;

		private final long attempt;

		AttemptOutcome(MqttAsyncClient attemptClient, long attempt) {
			this.attemptClient = attemptClient;
			this.attempt = attempt;
		}

		@Override
		public void onSuccess(IMqttToken token) {
			PahoMqttPublisher.this.lock.lock();
			try {
				if (!isCurrent(this.attemptClient, this.attempt)) {
					return;
				}
				PahoMqttPublisher.this.connecting = false;
				PahoMqttPublisher.this.endedAttempts++;
				PahoMqttPublisher.this.failuresInARow = 0;
				PahoMqttPublisher.this.attemptEnded.signalAll();
			}
			finally {
				PahoMqttPublisher.this.lock.unlock();
			}
			log.info("Connected to MQTT broker {}", PahoMqttPublisher.this.settings.url());
		}

		@Override
		public void onFailure(IMqttToken token, Throwable cause) {
			PahoMqttPublisher.this.lock.lock();
			try {
				if (isCurrent(this.attemptClient, this.attempt)) {
					attemptFailed(cause.getMessage());
				}
			}
			finally {
				PahoMqttPublisher.this.lock.unlock();
			}
		}

	}

	/**
	 * Notices a lost connection, on a Paho thread.
	 */
	private final class ConnectionWatch implements MqttCallback {

		private final MqttAsyncClient watched;

		ConnectionWatch(MqttAsyncClient watched) {
			this.watched = watched;
		}

		@Override
		public void connectionLost(Throwable cause) {
			PahoMqttPublisher.this.lock.lock();
			try {
				if (PahoMqttPublisher.this.client != this.watched) {
					return;
				}
				log.warn("Lost MQTT broker {} ({}); reconnecting in the background",
						PahoMqttPublisher.this.settings.url(), cause.getMessage());
				retryIn(Duration.ofSeconds(1));
			}
			finally {
				PahoMqttPublisher.this.lock.unlock();
			}
		}

		@Override
		public void messageArrived(String topic, MqttMessage message) {
			// Nothing is subscribed.
		}

		@Override
		public void deliveryComplete(IMqttDeliveryToken token) {
			// publish() waits on the token itself.
		}

	}

}
