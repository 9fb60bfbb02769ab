package com.homemadealexa.home;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.homemadealexa.home.MqttTestData.Received;
import com.homemadealexa.home.MqttTestData.Subscriber;
import com.homemadealexa.i18n.PhrasesTestData;
import com.homemadealexa.skill.SkillResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.homemadealexa.i18n.PhrasesTestData.ENGLISH;
import static com.homemadealexa.i18n.PhrasesTestData.POLISH;
import static com.homemadealexa.skill.SkillContextTestData.arguments;
import static com.homemadealexa.skill.SkillContextTestData.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The connection to the broker: lazy, in the background, self-healing, and never slower
 * than the timeout.
 */
@ExtendWith(OutputCaptureExtension.class)
class PahoMqttPublisherTest {

	private static final String NOW = "2026-11-23T20:15";

	@TempDir
	Path brokerFolder;

	private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();

	@AfterEach
	void closeEverything() throws Exception {
		for (AutoCloseable closeable : this.toClose.reversed()) {
			closeable.close();
		}
	}

	@Test
	void apologisesWithinTheTimeoutWhenTheBrokerIsDown() throws IOException {
		String nobodyListens = "tcp://127.0.0.1:" + MosquittoBroker.freePort();

		long started = System.nanoTime();
		PahoMqttPublisher publisher = started(MqttTestData.settings(nobodyListens));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
		SkillResult result = lights(publisher, nobodyListens).execute(arguments("state", "on"), at(POLISH, NOW));

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
		assertThat(result.label()).isEqualTo("lights unreachable");
		assertThat(result.phrases()).contains("Przepraszam, nie udało mi się połączyć ze światłem.");
	}

	@Test
	void apologisesWithinTheTimeoutWhenTheBrokerNeverAnswersAndTriesAgainLater() throws IOException {
		ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
		List<Socket> accepted = new CopyOnWriteArrayList<>();
		Thread.ofVirtual().start(() -> {
			try {
				while (true) {
					accepted.add(silent.accept());
				}
			}
			catch (IOException ex) {
				// closed at the end of the test
			}
		});
		this.toClose.add(() -> {
			silent.close();
			for (Socket socket : accepted) {
				socket.close();
			}
		});
		String url = "tcp://127.0.0.1:" + silent.getLocalPort();
		MqttSettings settings = new MqttSettings(url, "", "", "alexa-test", 1, List.of(MqttTestData.TV));
		PahoMqttPublisher publisher = started(settings);
		TvSkill tv = new TvSkill(publisher, settings, PhrasesTestData.phrases());

		long started = System.nanoTime();
		SkillResult result = tv.execute(arguments("state", "on"), at(ENGLISH, NOW));

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_800));
		assertThat(result.phrases()).contains("Sorry, I couldn't reach the TV.");
		// The unanswered attempt is abandoned, not waited on for ever.
		await().atMost(Duration.ofSeconds(10)).until(() -> accepted.size() >= 2);
	}

	@Test
	void publishesRightAfterStartByWaitingForTheFirstConnection() throws Exception {
		MosquittoBroker broker = broker();
		Subscriber subscriber = subscriber(broker);
		PahoMqttPublisher publisher = started(MqttTestData.settings(broker.url()));

		publisher.publish("cmnd/tasmota_lamp/Power1", "ON");

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(subscriber.received)
				.containsExactly(new Received("cmnd/tasmota_lamp/Power1", "ON")));
	}

	@Test
	void reconnectsByItselfWhenTheBrokerComesBack() throws Exception {
		MosquittoBroker broker = broker();
		PahoMqttPublisher publisher = started(MqttTestData.settings(broker.url()));
		await().atMost(Duration.ofSeconds(5)).until(publisher::connected);

		broker.stop();
		await().atMost(Duration.ofSeconds(5)).until(() -> !publisher.connected());
		broker.start();

		await().atMost(Duration.ofSeconds(10)).until(publisher::connected);
		Subscriber subscriber = subscriber(broker);
		publisher.publish("tv/command", "{\"command\": \"power_off\"}");
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(subscriber.received)
				.containsExactly(new Received("tv/command", "{\"command\": \"power_off\"}")));
	}

	@Test
	void connectsWhenTheBrokerStartsAfterTheServer() throws Exception {
		int port = MosquittoBroker.freePort();
		String url = "tcp://127.0.0.1:" + port;
		PahoMqttPublisher publisher = started(MqttTestData.settings(url));
		assertThatExceptionOfType(DeviceUnreachableException.class).isThrownBy(() -> publisher.publish("t", "x"));

		MosquittoBroker broker = broker(port);
		Subscriber subscriber = subscriber(broker);
		publisher.publish("cmnd/tasmota_lamp/Power1", "OFF");

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(subscriber.received)
				.containsExactly(new Received("cmnd/tasmota_lamp/Power1", "OFF")));
	}

	@Test
	void withoutABrokerUrlLogsOnceAndApologises(CapturedOutput output) {
		PahoMqttPublisher publisher = started(MqttTestData.settings(""));

		SkillResult result = lights(publisher, "").execute(arguments("state", "off"), at(ENGLISH, NOW));

		assertThat(result.phrases()).contains("Sorry, I couldn't reach the lights.");
		assertThat(output).containsOnlyOnce("mqtt.url is empty");
		assertThat(publisher.connected()).isFalse();
	}

	@Test
	void neverLogsThePassword(CapturedOutput output) throws Exception {
		MosquittoBroker broker = broker();
		MqttSettings withPassword = new MqttSettings(broker.url(), "alexa", "s3cret-Pa55", "alexa-test", 2,
				List.of(MqttTestData.LAMP));
		PahoMqttPublisher publisher = started(withPassword);
		publisher.publish("cmnd/tasmota_lamp/Power1", "ON");
		broker.stop();
		await().atMost(Duration.ofSeconds(5)).until(() -> !publisher.connected());
		assertThatExceptionOfType(DeviceUnreachableException.class)
			.isThrownBy(() -> publisher.publish("cmnd/tasmota_lamp/Power1", "OFF"));

		assertThat(output).contains("Lost MQTT broker").doesNotContain("s3cret-Pa55");
		assertThat(withPassword.toString()).doesNotContain("s3cret-Pa55").contains("password=(set)");
	}

	private PahoMqttPublisher started(MqttSettings settings) {
		PahoMqttPublisher publisher = new PahoMqttPublisher(settings);
		publisher.start();
		this.toClose.add(publisher::stop);
		return publisher;
	}

	private MosquittoBroker broker() throws IOException {
		return broker(MosquittoBroker.freePort());
	}

	private MosquittoBroker broker(int port) throws IOException {
		MosquittoBroker broker = MosquittoBroker.start(this.brokerFolder, port);
		this.toClose.add(broker);
		return broker;
	}

	private Subscriber subscriber(MosquittoBroker broker) throws Exception {
		Subscriber subscriber = new Subscriber(broker.url());
		this.toClose.add(subscriber);
		return subscriber;
	}

	private static LightsSkill lights(PahoMqttPublisher publisher, String url) {
		return new LightsSkill(publisher, MqttTestData.settings(url), PhrasesTestData.phrases());
	}

}
