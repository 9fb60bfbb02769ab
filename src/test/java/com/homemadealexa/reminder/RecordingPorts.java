package com.homemadealexa.reminder;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.homemadealexa.audio.AudioOutput;
import com.homemadealexa.device.DeviceCommand;
import com.homemadealexa.device.DeviceInfo;
import com.homemadealexa.device.Devices;
import com.homemadealexa.speech.TextToSpeech;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;

/**
 * In-process doubles of the ports a due reminder goes through (voice, speaker, devices),
 * recording what they were given, plus a listener recording {@link ReminderDue} events.
 * They are {@code @Primary} so that tests keep observing the reminder when the real
 * adapters are merged in.
 */
@TestConfiguration(proxyBeanMethods = false)
class RecordingPorts {

	@Bean
	@Primary
	RecordingVoice recordingVoice() {
		return new RecordingVoice();
	}

	@Bean
	@Primary
	RecordingSpeaker recordingSpeaker() {
		return new RecordingSpeaker();
	}

	@Bean
	@Primary
	RecordingDevices recordingDevices() {
		return new RecordingDevices();
	}

	@Bean
	DueReminders dueReminders() {
		return new DueReminders();
	}

	static final class RecordingVoice implements TextToSpeech {

		/** 10 ms of silence, 16 kHz, 16-bit, mono. */
		static final byte[] WAV = silence(160);

		final List<String> texts = new CopyOnWriteArrayList<>();

		@Override
		public byte[] synthesize(String text, Locale locale) {
			this.texts.add(text);
			return WAV;
		}

		void clear() {
			this.texts.clear();
		}

		private static byte[] silence(int samples) {
			int dataSize = samples * 2;
			ByteBuffer wav = ByteBuffer.allocate(44 + dataSize).order(ByteOrder.LITTLE_ENDIAN);
			wav.put("RIFF".getBytes()).putInt(36 + dataSize).put("WAVE".getBytes());
			wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1);
			wav.putInt(16000).putInt(32000).putShort((short) 2).putShort((short) 16);
			wav.put("data".getBytes()).putInt(dataSize);
			return wav.array();
		}

	}

	static final class RecordingSpeaker implements AudioOutput {

		final List<byte[]> played = new CopyOnWriteArrayList<>();

		@Override
		public boolean play(byte[] wav) {
			this.played.add(wav);
			return true;
		}

		@Override
		public boolean abort() {
			return true;
		}

		void clear() {
			this.played.clear();
		}

	}

	static final class RecordingDevices implements Devices {

		final List<DeviceCommand> broadcasts = new CopyOnWriteArrayList<>();

		@Override
		public List<DeviceInfo> connected() {
			return List.of();
		}

		@Override
		public Optional<DeviceInfo> findByAddress(String address) {
			return Optional.empty();
		}

		@Override
		public Optional<DeviceInfo> findByHostname(String hostname) {
			return Optional.empty();
		}

		@Override
		public boolean send(String connectionId, DeviceCommand command) {
			return false;
		}

		@Override
		public int broadcast(DeviceCommand command) {
			this.broadcasts.add(command);
			return 1;
		}

		void clear() {
			this.broadcasts.clear();
		}

	}

	static final class DueReminders {

		final List<ReminderDue> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(ReminderDue event) {
			this.events.add(event);
		}

		void clear() {
			this.events.clear();
		}

	}

}
