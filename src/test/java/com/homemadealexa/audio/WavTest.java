package com.homemadealexa.audio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.homemadealexa.testsupport.TestWavs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class WavTest {

	@Test
	void encodedPcmDecodesToTheSameFormatAndSamples() {
		PcmFormat format = new PcmFormat(22050, 16, 2);
		byte[] pcm = TestWavs.tonePcm(format, 100, 300);

		PcmAudio decoded = Wav.decode(Wav.encode(pcm, format));

		assertThat(decoded.format()).isEqualTo(format);
		assertThat(decoded.data()).isEqualTo(pcm);
	}

	@ParameterizedTest
	@CsvSource({ "8000, 8, 1", "16000, 16, 1", "44100, 24, 2", "48000, 32, 2", "11025, 8, 2" })
	void roundTripsEverySupportedSampleSize(int rate, int bits, int channels) {
		PcmFormat format = new PcmFormat(rate, bits, channels);
		byte[] pcm = TestWavs.tonePcm(format, 50, 440);

		PcmAudio decoded = Wav.decode(Wav.encode(pcm, format));

		assertThat(decoded.format()).isEqualTo(format);
		assertThat(decoded.data()).isEqualTo(pcm);
	}

	@Test
	void readsWavsWrittenByOtherTools() {
		PcmFormat format = new PcmFormat(8000, 8, 1);
		byte[] pcm = TestWavs.tonePcm(format, 100, 440);

		PcmAudio decoded = Wav.decode(TestWavs.wav(pcm, format));

		assertThat(decoded.data()).as("8-bit WAV samples are unsigned on disk, signed in memory").isEqualTo(pcm);
	}

	@Test
	void convertsStereo48kTo16kMonoKeepingTheDuration() {
		byte[] wav = TestWavs.tone(new PcmFormat(48000, 16, 2), 1000, 440);

		byte[] speech = Wav.toSpeechWav(wav);

		PcmAudio decoded = Wav.decode(speech);
		assertThat(decoded.format()).isEqualTo(PcmFormat.SPEECH);
		assertThat(decoded.data()).hasSize(32000);
		assertThat(decoded.duration()).isEqualTo(Duration.ofSeconds(1));
		assertThat(Wav.duration(speech)).isEqualTo(Duration.ofSeconds(1));
	}

	@ParameterizedTest
	@CsvSource({ "8000, 8, 1", "22050, 16, 1", "24000, 16, 1", "44100, 24, 2", "48000, 32, 1", "16000, 24, 1" })
	void convertsAnyRateAndSampleSizeToTheSpeechFormat(int rate, int bits, int channels) {
		PcmFormat format = new PcmFormat(rate, bits, channels);
		byte[] wav = TestWavs.tone(format, 500, 440);

		PcmAudio speech = Wav.decode(Wav.toSpeechWav(wav));

		assertThat(speech.format()).isEqualTo(PcmFormat.SPEECH);
		assertThat(speech.duration().toMillis()).isCloseTo(500, within(1L));
		// A 440 Hz sine at half scale has an RMS of 0.5 / sqrt(2); 8 bits are coarser.
		assertThat(TestWavs.rms(middle(speech.data()))).isCloseTo(TestWavs.AMPLITUDE / Math.sqrt(2),
				within((bits == 8) ? 0.02 : 0.01));
	}

	@Test
	void downsamplingRemovesWhatTheNewRateCannotCarry() {
		// 10 kHz is above the 8 kHz Nyquist frequency of 16 kHz audio: kept, it would
		// alias to 6 kHz.
		byte[] wav = TestWavs.tone(new PcmFormat(48000, 16, 1), 500, 10000);

		PcmAudio speech = Wav.decode(Wav.toSpeechWav(wav));

		assertThat(TestWavs.rms(middle(speech.data()))).isLessThan(0.01);
	}

	@Test
	void leavesSpeechFormatPcmUntouched() {
		byte[] pcm = TestWavs.tonePcm(PcmFormat.SPEECH, 100, 440);

		assertThat(Wav.toSpeechPcm(pcm, PcmFormat.SPEECH)).isEqualTo(pcm);
	}

	@Test
	void averagesChannelsWhenDownmixing() {
		PcmFormat stereo = new PcmFormat(16000, 16, 2);
		ByteBuffer pcm = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
		pcm.putShort((short) 1000).putShort((short) 3000).putShort((short) -2000).putShort((short) 0);

		byte[] mono = Wav.toSpeechPcm(pcm.array(), stereo);

		ByteBuffer samples = ByteBuffer.wrap(mono).order(ByteOrder.LITTLE_ENDIAN);
		assertThat(samples.getShort()).isEqualTo((short) 2000);
		assertThat(samples.getShort()).isEqualTo((short) -1000);
	}

	@Test
	void concatenatesWavsIntoOneSpeechWav() {
		byte[] first = TestWavs.speech(300);
		byte[] second = TestWavs.silence(new PcmFormat(48000, 16, 2), 200);

		byte[] joined = Wav.concat(List.of(first, second));

		PcmAudio decoded = Wav.decode(joined);
		assertThat(decoded.format()).isEqualTo(PcmFormat.SPEECH);
		assertThat(decoded.duration()).isEqualTo(Duration.ofMillis(500));
		assertThat(Arrays.copyOf(decoded.data(), 9600)).isEqualTo(Wav.decode(first).data());
	}

	@ParameterizedTest
	@CsvSource({ "24000, 16, 1", "16000, 16, 1", "48000, 16, 2", "22050, 8, 1", "44100, 24, 2", "16000, 32, 1" })
	void readsTheDurationFromTheHeaderAsDecodingWould(int rate, int bits, int channels) {
		byte[] wav = TestWavs.tone(new PcmFormat(rate, bits, channels), 1234, 440);

		assertThat(Wav.duration(wav)).isEqualTo(Wav.decode(wav).duration());
	}

	@Test
	void readsTheDurationOfAFloatWavAsDecodingWould() {
		byte[] wav = riff(3, 24000, 1, 64, new byte[24000 * 8 / 2]);

		assertThat(Wav.duration(wav)).isEqualTo(Wav.decode(wav).duration()).isEqualTo(Duration.ofMillis(500));
	}

	@ParameterizedTest
	@CsvSource({ "24000, 16, 1", "48000, 16, 2", "22050, 8, 1", "16000, 16, 1" })
	void convertsAWavAsConvertingItsDecodedSamplesWould(int rate, int bits, int channels) {
		byte[] wav = TestWavs.tone(new PcmFormat(rate, bits, channels), 700, 440);
		PcmAudio decoded = Wav.decode(wav);

		assertThat(Wav.toSpeechWav(wav))
			.isEqualTo(Wav.encode(Wav.toSpeechPcm(decoded.data(), decoded.format()), PcmFormat.SPEECH));
	}

	@Test
	void concatenatesSpeechAndOtherWavsAsConvertingEachWould() {
		byte[] speech = TestWavs.speech(300);
		byte[] voice = TestWavs.tone(new PcmFormat(24000, 16, 1), 450, 440);
		byte[] odd = riff(1, 16000, 1, 16, new byte[3001]);
		ByteArrayOutputStream expected = new ByteArrayOutputStream();
		for (byte[] wav : List.of(speech, voice, odd)) {
			PcmAudio decoded = Wav.decode(wav);
			expected.writeBytes(Wav.toSpeechPcm(decoded.data(), decoded.format()));
		}

		assertThat(Wav.concat(List.of(speech, voice, odd)))
			.isEqualTo(Wav.encode(expected.toByteArray(), PcmFormat.SPEECH));
	}

	@Test
	void refusesTheDurationOfAWavItCannotDecode() {
		byte[] alaw = riff(6, 8000, 1, 8, new byte[800]);

		assertThatExceptionOfType(InvalidAudioException.class).isThrownBy(() -> Wav.duration(alaw))
			.withMessageContaining("Unsupported WAV encoding");
	}

	@Test
	void readsStreamedWavsWhoseSizesArePlaceholders() {
		byte[] wav = TestWavs.speech(200);
		ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
		header.putInt(4, 0xFFFFFFFF);
		header.putInt(40, 0xFFFFFFFF);

		assertThat(Wav.duration(wav)).isEqualTo(Duration.ofMillis(200));
	}

	@Test
	void skipsUnknownChunksBeforeTheData() {
		byte[] plain = TestWavs.speech(100);
		byte[] list = chunk("LIST", "INFOISFT\u0005\u0000\u0000\u0000sox!\u0000".getBytes(StandardCharsets.ISO_8859_1));
		ByteBuffer wav = ByteBuffer.allocate(plain.length + list.length);
		wav.put(plain, 0, 36).put(list).put(plain, 36, plain.length - 36);

		assertThat(Wav.decode(wav.array()).data()).isEqualTo(Wav.decode(plain).data());
	}

	@Test
	void readsFloatWavs() {
		ByteBuffer samples = ByteBuffer.allocate(16000 * 4).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < 16000; i++) {
			samples.putFloat((float) (0.5 * Math.sin(2 * Math.PI * 440 * i / 16000.0)));
		}
		byte[] wav = riff(3, 16000, 1, 32, samples.array());

		PcmAudio speech = Wav.decode(Wav.toSpeechWav(wav));

		assertThat(speech.duration()).isEqualTo(Duration.ofSeconds(1));
		assertThat(TestWavs.rms(speech.data())).isCloseTo(0.5 / Math.sqrt(2), within(0.01));
	}

	@Test
	void readsOtherContainersThroughJavaSound() throws Exception {
		PcmFormat format = new PcmFormat(22050, 16, 1);
		byte[] pcm = TestWavs.tonePcm(format, 300, 440);
		AudioFormat bigEndian = new AudioFormat(22050, 16, 1, true, true);
		byte[] swapped = new byte[pcm.length];
		for (int i = 0; i < pcm.length; i += 2) {
			swapped[i] = pcm[i + 1];
			swapped[i + 1] = pcm[i];
		}
		ByteArrayOutputStream aiff = new ByteArrayOutputStream();
		AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(swapped), bigEndian, pcm.length / 2),
				AudioFileFormat.Type.AIFF, aiff);

		PcmAudio decoded = Wav.decode(aiff.toByteArray());

		assertThat(decoded.format()).isEqualTo(format);
		assertThat(decoded.data()).isEqualTo(pcm);
	}

	@Test
	void rejectsBytesThatAreNotAudio() {
		assertThatExceptionOfType(InvalidAudioException.class)
			.isThrownBy(() -> Wav.decode("hello, this is text".getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("Not a WAV");
		assertThatExceptionOfType(InvalidAudioException.class).isThrownBy(() -> Wav.decode(new byte[0]));
	}

	@Test
	void rejectsTruncatedAndUnsupportedWavs() {
		byte[] wav = TestWavs.speech(100);
		assertThatExceptionOfType(InvalidAudioException.class).isThrownBy(() -> Wav.decode(Arrays.copyOf(wav, 30)))
			.withMessageContaining("format chunk");
		assertThatExceptionOfType(InvalidAudioException.class).isThrownBy(() -> Wav.decode(Arrays.copyOf(wav, 36)))
			.withMessageContaining("no data chunk");
		byte[] alaw = riff(6, 8000, 1, 8, new byte[800]);
		assertThatExceptionOfType(InvalidAudioException.class).isThrownBy(() -> Wav.decode(alaw))
			.withMessageContaining("format tag 0x0006");
	}

	@Test
	void refusesToEncodeUnsupportedFormats() {
		assertThatIllegalArgumentException().isThrownBy(() -> Wav.encode(new byte[10], new PcmFormat(16000, 12, 1)));
		assertThatIllegalArgumentException().isThrownBy(() -> Wav.encode(new byte[10], new PcmFormat(16000, 16, 0)));
	}

	/**
	 * 32-bit samples exactly halfway between two 16-bit steps ({@code k + 0.5}) round up,
	 * as {@link Math#round} does, the top one clipped to 32767: 16 kHz mono, so only the
	 * sample size is converted.
	 */
	@Test
	void roundsHalfwaySamplesUpLikeMathRound() {
		int[] steps = { -32768, -32767, -100, -6, -5, -1, 0, 1, 5, 100, 32766, 32767 };
		ByteBuffer pcm32 = ByteBuffer.allocate(steps.length * 4).order(ByteOrder.LITTLE_ENDIAN);
		for (int step : steps) {
			pcm32.putInt(step * 65536 + 32768);
		}

		short[] converted = shorts(Wav.toSpeechPcm(pcm32.array(), new PcmFormat(16000, 32, 1)));

		for (int i = 0; i < steps.length; i++) {
			assertThat(converted[i]).as("%d + 0.5 steps", steps[i])
				.isEqualTo((short) Math.min(Short.MAX_VALUE, Math.round(steps[i] + 0.5)));
		}
	}

	/**
	 * A full-scale square wave overshoots where it is band-limited (Gibbs): the overshoot
	 * is clipped to full scale, never wrapped round to the opposite sign.
	 */
	@Test
	void clipsTheResamplersOvershootAtFullScale() {
		int period = 48;
		ByteBuffer square = ByteBuffer.allocate(24000 * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < 24000; i++) {
			square.putShort(((i % period) < period / 2) ? Short.MAX_VALUE : Short.MIN_VALUE);
		}

		short[] converted = shorts(Wav.toSpeechPcm(square.array(), new PcmFormat(24000, 16, 1)));

		assertThat(converted).contains(Short.MAX_VALUE, Short.MIN_VALUE);
		// 16 kHz: a period is 32 samples; away from the edges each half keeps its sign.
		for (int i = 64; i < converted.length - 64; i++) {
			int phase = i % 32;
			if (phase >= 4 && phase < 12) {
				assertThat(converted[i]).as("sample %d, a positive half", i).isPositive();
			}
			else if (phase >= 20 && phase < 28) {
				assertThat(converted[i]).as("sample %d, a negative half", i).isNegative();
			}
		}
	}

	private static short[] shorts(byte[] pcm16) {
		short[] samples = new short[pcm16.length / 2];
		ByteBuffer.wrap(pcm16).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
		return samples;
	}

	private static byte[] middle(byte[] pcm16) {
		// Skip the filter's edges.
		int quarter = pcm16.length / 4 & ~1;
		return Arrays.copyOfRange(pcm16, quarter, pcm16.length - quarter);
	}

	private static byte[] chunk(String id, byte[] body) {
		ByteBuffer chunk = ByteBuffer.allocate(8 + body.length + (body.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
		chunk.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(body.length).put(body);
		return chunk.array();
	}

	private static byte[] riff(int formatTag, int rate, int channels, int bits, byte[] data) {
		int block = bits / 8 * channels;
		ByteBuffer fmt = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
		fmt.putShort((short) formatTag)
			.putShort((short) channels)
			.putInt(rate)
			.putInt(rate * block)
			.putShort((short) block)
			.putShort((short) bits);
		byte[] fmtChunk = chunk("fmt ", fmt.array());
		byte[] dataChunk = chunk("data", data);
		ByteBuffer wav = ByteBuffer.allocate(12 + fmtChunk.length + dataChunk.length).order(ByteOrder.LITTLE_ENDIAN);
		wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + fmtChunk.length + dataChunk.length);
		wav.put("WAVE".getBytes(StandardCharsets.US_ASCII)).put(fmtChunk).put(dataChunk);
		return wav.array();
	}

}
