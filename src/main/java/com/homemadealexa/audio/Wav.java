package com.homemadealexa.audio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * WAV files in and out, and conversion to the speech format ({@link PcmFormat#SPEECH}: 16
 * kHz, 16-bit, mono) that every reply is normalised to. Stateless and thread-safe.
 *
 * <p>
 * Reading accepts PCM WAVs of 8, 16, 24 or 32 bits (plain or
 * {@code WAVE_FORMAT_EXTENSIBLE}), 32/64-bit float WAVs, and WAVs written to a pipe whose
 * chunk sizes are placeholders (espeak-ng, OpenAI); other containers Java Sound
 * understands (AIFF, AU) are read through {@code javax.sound.sampled}. Anything else
 * raises {@link InvalidAudioException}.
 */
public final class Wav {

	private static final int HEADER_SIZE = 44;

	/**
	 * One step of a 16-bit sample, {@code 1 / 32768}: multiplying by it is exact, as
	 * dividing by 32768 is, and cheaper for a JIT compiler that does not make the one the
	 * other (C1).
	 */
	private static final float ONE_16_BIT_STEP = 1.0f / 32768;

	/** The lowest sample rate read; no speech codec goes lower. */
	public static final int MIN_RATE = 4_000;

	/** The highest sample rate read. */
	public static final int MAX_RATE = 192_000;

	/** The longest audio converted in one piece (an utterance, one spoken sentence). */
	public static final Duration MAX_CONVERTED = Duration.ofMinutes(10);

	private static final int FORMAT_PCM = 1;

	private static final int FORMAT_FLOAT = 3;

	private static final int FORMAT_EXTENSIBLE = 0xFFFE;

	private Wav() {
	}

	/**
	 * Wraps PCM in a canonical 44-byte-header WAV. A trailing partial frame is dropped.
	 * @param pcm little-endian signed PCM
	 * @param format its format
	 * @return a WAV file
	 * @throws IllegalArgumentException for a format with unsupported bits or no channels
	 */
	public static byte[] encode(byte[] pcm, PcmFormat format) {
		requireSupported(format);
		int frame = frameSize(format);
		int length = pcm.length - pcm.length % frame;
		ByteBuffer out = ByteBuffer.allocate(HEADER_SIZE + length).order(ByteOrder.LITTLE_ENDIAN);
		out.put(ascii("RIFF")).putInt(36 + length).put(ascii("WAVE"));
		out.put(ascii("fmt "))
			.putInt(16)
			.putShort((short) FORMAT_PCM)
			.putShort((short) format.channels())
			.putInt(format.sampleRate())
			.putInt(format.sampleRate() * frame)
			.putShort((short) frame)
			.putShort((short) format.bits());
		out.put(ascii("data")).putInt(length);
		if (format.bits() == 8) {
			// 8-bit WAV samples are unsigned.
			for (int i = 0; i < length; i++) {
				out.put((byte) (pcm[i] ^ 0x80));
			}
		}
		else {
			out.put(pcm, 0, length);
		}
		return out.array();
	}

	/**
	 * Reads a WAV (or another container Java Sound knows) into signed little-endian PCM.
	 * Float samples come back as 32-bit integers; 8-bit samples as signed bytes.
	 * @param bytes the whole file
	 * @return the format and the PCM frames
	 * @throws InvalidAudioException when the bytes cannot be read as audio
	 */
	public static PcmAudio decode(byte[] bytes) {
		if (isRiff(bytes)) {
			return locate(bytes).toPcm(bytes);
		}
		return decodeWithJavaSound(bytes);
	}

	/**
	 * Converts any readable WAV to a 16 kHz, 16-bit, mono WAV.
	 * @throws InvalidAudioException when the bytes cannot be read as audio
	 */
	public static byte[] toSpeechWav(byte[] wav) {
		if (isRiff(wav)) {
			Located located = locate(wav);
			if (located.isIntegerPcm() && located.bits() != 8) {
				// Read in place: the samples need no copy of their own before
				// conversion.
				PcmFormat format = located.pcmFormat();
				return encode(toSpeechPcm(wav, located.offset(), located.wholeLength(), format), PcmFormat.SPEECH);
			}
		}
		PcmAudio audio = decode(wav);
		return encode(toSpeechPcm(audio.data(), audio.format()), PcmFormat.SPEECH);
	}

	/**
	 * Converts raw PCM to 16 kHz, 16-bit, mono PCM: channels are averaged, the rate is
	 * converted with a band-limited filter, samples are rounded and clipped.
	 * @param pcm little-endian signed PCM
	 * @param format its format
	 * @return PCM in {@link PcmFormat#SPEECH}
	 */
	public static byte[] toSpeechPcm(byte[] pcm, PcmFormat format) {
		return toSpeechPcm(pcm, 0, pcm.length, format);
	}

	private static byte[] toSpeechPcm(byte[] pcm, int offset, int length, PcmFormat format) {
		requireSupported(format);
		if (format.sampleRate() < MIN_RATE || format.sampleRate() > MAX_RATE) {
			throw new InvalidAudioException("Audio at " + format.sampleRate() + " Hz cannot be speech");
		}
		if (duration(length, format).compareTo(MAX_CONVERTED) > 0) {
			throw new InvalidAudioException("More than " + MAX_CONVERTED.toMinutes() + " minutes of audio");
		}
		if (format.equals(PcmFormat.SPEECH)) {
			return Arrays.copyOfRange(pcm, offset, offset + length - length % 2);
		}
		float[] mono = toMono(pcm, offset, length, format);
		float[] resampled = Resampler.resample(mono, format.sampleRate(), PcmFormat.SPEECH.sampleRate());
		return toPcm16(resampled);
	}

	/**
	 * How long a WAV plays.
	 * @throws InvalidAudioException when the bytes cannot be read as audio
	 */
	public static Duration duration(byte[] wav) {
		return describe(wav).duration();
	}

	/**
	 * The format {@link #decode} would return the samples in, and how long they play,
	 * read from a WAV's header without copying its samples.
	 * @throws InvalidAudioException when the bytes cannot be read as audio
	 */
	public static Described describe(byte[] wav) {
		if (isRiff(wav)) {
			Located located = locate(wav);
			return new Described(located.pcmFormat(), duration(located.decodedLength(), located.pcmFormat()));
		}
		PcmAudio audio = decode(wav);
		return new Described(audio.format(), audio.duration());
	}

	/**
	 * Joins WAVs into one 16 kHz, 16-bit, mono WAV, converting any that are not.
	 * @throws InvalidAudioException when one of them cannot be read
	 */
	public static byte[] concat(List<byte[]> wavs) {
		int total = 0;
		for (byte[] wav : wavs) {
			total += wav.length;
		}
		ByteArrayOutputStream pcm = new ByteArrayOutputStream(total);
		for (byte[] wav : wavs) {
			Located speech = isRiff(wav) ? locate(wav) : null;
			if (speech != null && speech.isIntegerPcm() && speech.pcmFormat().equals(PcmFormat.SPEECH)) {
				// Already speech: its samples go in as they are, without a copy of
				// their own.
				pcm.write(wav, speech.offset(), speech.wholeLength());
				continue;
			}
			PcmAudio audio = decode(wav);
			pcm.writeBytes(toSpeechPcm(audio.data(), audio.format()));
		}
		return encode(pcm.toByteArray(), PcmFormat.SPEECH);
	}

	static Duration duration(long pcmBytes, PcmFormat format) {
		long frames = pcmBytes / frameSize(format);
		return Duration.ofNanos(frames * 1_000_000_000L / format.sampleRate());
	}

	private static boolean isRiff(byte[] bytes) {
		return bytes.length >= 12 && hasTag(bytes, 0, "RIFF") && hasTag(bytes, 8, "WAVE");
	}

	/**
	 * Finds the format and the samples of a RIFF WAV, and checks them, copying nothing.
	 */
	private static Located locate(byte[] bytes) {
		ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		RiffFormat format = null;
		long position = 12;
		while (position + 8 <= bytes.length) {
			int chunk = (int) position;
			long size = Integer.toUnsignedLong(buffer.getInt(chunk + 4));
			int body = chunk + 8;
			long available = bytes.length - body;
			if (hasTag(bytes, chunk, "fmt ")) {
				format = RiffFormat.read(buffer, body, Math.min(size, available));
			}
			else if (hasTag(bytes, chunk, "data")) {
				if (format == null) {
					throw new InvalidAudioException("The WAV data chunk comes before its format chunk");
				}
				// Streamed WAVs carry a placeholder size (0xFFFFFFFF): take what is
				// there.
				return format.locate(body, (int) Math.min(size, available));
			}
			position = body + size + (size & 1);
		}
		throw new InvalidAudioException(
				(format == null) ? "The WAV file has no format chunk" : "The WAV file has no data chunk");
	}

	private static PcmAudio decodeWithJavaSound(byte[] bytes) {
		try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(bytes))) {
			AudioFormat source = in.getFormat();
			int bits = source.getSampleSizeInBits();
			int channels = source.getChannels();
			int rate = Math.round(source.getSampleRate());
			if (!isSupported(bits, channels) || rate <= 0) {
				throw new InvalidAudioException("Unsupported audio format: " + source);
			}
			AudioFormat target = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, rate, bits, channels,
					bits / 8 * channels, rate, false);
			try (AudioInputStream converted = AudioSystem.getAudioInputStream(target, in)) {
				return new PcmAudio(new PcmFormat(rate, bits, channels), converted.readAllBytes());
			}
		}
		catch (UnsupportedAudioFileException | IllegalArgumentException ex) {
			throw new InvalidAudioException("Not a WAV file (no RIFF/WAVE header)", ex);
		}
		catch (IOException ex) {
			throw new InvalidAudioException("Unreadable audio: " + ex.getMessage(), ex);
		}
	}

	private static float[] toMono(byte[] pcm, int start, int length, PcmFormat format) {
		int sampleSize = format.bits() / 8;
		int channels = format.channels();
		int frames = length / (sampleSize * channels);
		float[] mono = new float[frames];
		if (channels == 1 && format.bits() == 16) {
			// The voices' format: no per-sample dispatch.
			for (int frame = 0, at = start; frame < frames; frame++, at += 2) {
				mono[frame] = (short) ((pcm[at] & 0xFF) | (pcm[at + 1] << 8)) * ONE_16_BIT_STEP;
			}
			return mono;
		}
		int offset = start;
		for (int frame = 0; frame < frames; frame++) {
			double sum = 0;
			for (int channel = 0; channel < channels; channel++) {
				sum += sample(pcm, offset, format.bits());
				offset += sampleSize;
			}
			mono[frame] = (float) (sum / channels);
		}
		return mono;
	}

	private static double sample(byte[] pcm, int at, int bits) {
		return switch (bits) {
			case 8 -> pcm[at] / 128.0;
			case 16 -> (short) ((pcm[at] & 0xFF) | (pcm[at + 1] << 8)) / 32768.0;
			case 24 -> ((pcm[at] & 0xFF) | ((pcm[at + 1] & 0xFF) << 8) | (pcm[at + 2] << 16)) / 8388608.0;
			default ->
				((pcm[at] & 0xFF) | ((pcm[at + 1] & 0xFF) << 8) | ((pcm[at + 2] & 0xFF) << 16) | (pcm[at + 3] << 24))
						/ 2147483648.0;
		};
	}

	/**
	 * Rounds (half up, like {@link Math#round}) and clips to 16 bits, as
	 * {@code floor(x + 0.5)} with a cast. The clipping is two comparisons rather than
	 * {@code Math.max}/{@code Math.min}, and the rounding a cast rather than
	 * {@code Math.round}: the JIT compiler this server runs with (C1) inlines neither
	 * method, and the comparisons took a third off this loop (0.58 to 0.37 ms for a 1.5 s
	 * sentence). Values are clipped before the cast, so it never overflows.
	 */
	private static byte[] toPcm16(float[] samples) {
		byte[] pcm = new byte[samples.length * 2];
		for (int i = 0, at = 0; i < samples.length; i++, at += 2) {
			double scaled = samples[i] * 32768.0 + 0.5;
			int value;
			if (scaled >= Short.MAX_VALUE + 0.5) {
				value = Short.MAX_VALUE;
			}
			else if (scaled <= Short.MIN_VALUE + 0.5) {
				value = Short.MIN_VALUE;
			}
			else {
				value = (int) scaled;
				if (value > scaled) {
					// The cast rounded a negative value up, towards zero.
					value--;
				}
			}
			pcm[at] = (byte) value;
			pcm[at + 1] = (byte) (value >> 8);
		}
		return pcm;
	}

	private static void requireSupported(PcmFormat format) {
		if (!isSupported(format.bits(), format.channels()) || format.sampleRate() <= 0) {
			throw new IllegalArgumentException("Unsupported PCM format " + format
					+ ": expected 8, 16, 24 or 32 bits, at least one channel and a positive rate");
		}
	}

	private static boolean isSupported(int bits, int channels) {
		return (bits == 8 || bits == 16 || bits == 24 || bits == 32) && channels >= 1;
	}

	private static int frameSize(PcmFormat format) {
		return format.bits() / 8 * format.channels();
	}

	private static boolean hasTag(byte[] bytes, int at, String tag) {
		return bytes.length >= at + 4 && tag.equals(new String(bytes, at, 4, StandardCharsets.US_ASCII));
	}

	private static byte[] ascii(String tag) {
		return tag.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * What a WAV holds, without its samples.
	 *
	 * @param format the format {@link #decode} returns the samples in
	 * @param duration how long they play
	 */
	public record Described(PcmFormat format, Duration duration) {
	}

	/** The fields of a {@code fmt } chunk that matter for reading samples. */
	private record RiffFormat(int tag, int channels, int sampleRate, int blockAlign) {

		static RiffFormat read(ByteBuffer buffer, int at, long size) {
			if (size < 16) {
				throw new InvalidAudioException("The WAV format chunk is truncated");
			}
			int tag = buffer.getShort(at) & 0xFFFF;
			if (tag == FORMAT_EXTENSIBLE && size >= 40) {
				// The real encoding is the first two bytes of the sub-format GUID.
				tag = buffer.getShort(at + 24) & 0xFFFF;
			}
			return new RiffFormat(tag, buffer.getShort(at + 2) & 0xFFFF, buffer.getInt(at + 4),
					buffer.getShort(at + 12) & 0xFFFF);
		}

		/**
		 * Checks the format before anything trusts it, and where its samples are.
		 * @throws InvalidAudioException when the format is inconsistent or unsupported
		 */
		Located locate(int offset, int length) {
			if (this.channels < 1 || this.sampleRate <= 0 || this.blockAlign == 0
					|| this.blockAlign % this.channels != 0) {
				throw new InvalidAudioException("The WAV format chunk is inconsistent (channels " + this.channels
						+ ", rate " + this.sampleRate + ", block " + this.blockAlign + ")");
			}
			// A header is a claim: 40 KB said to be at 4 Hz would convert to 200 MiB.
			if (this.sampleRate < MIN_RATE || this.sampleRate > MAX_RATE) {
				throw new InvalidAudioException("The WAV sample rate " + this.sampleRate + " Hz is not one of audio ("
						+ MIN_RATE + "–" + MAX_RATE + " Hz)");
			}
			int bits = this.blockAlign / this.channels * 8;
			int whole = length - length % this.blockAlign;
			boolean pcm = this.tag == FORMAT_PCM && isSupported(bits, this.channels);
			if (!pcm && !(this.tag == FORMAT_FLOAT && (bits == 32 || bits == 64))) {
				throw new InvalidAudioException(String
					.format("Unsupported WAV encoding (format tag 0x%04x, %d bits): use PCM or float", this.tag, bits));
			}
			return new Located(this, bits, offset, whole);
		}

	}

	/**
	 * Where a WAV's samples are, once its format has been checked.
	 *
	 * @param bits bits per sample as stored
	 * @param offset where the samples start
	 * @param wholeLength how many bytes of whole frames there are
	 */
	private record Located(RiffFormat format, int bits, int offset, int wholeLength) {

		boolean isIntegerPcm() {
			return this.format.tag() == FORMAT_PCM;
		}

		/** The format {@link Wav#decode} returns the samples in. */
		PcmFormat pcmFormat() {
			return new PcmFormat(this.format.sampleRate(), isIntegerPcm() ? this.bits : 32, this.format.channels());
		}

		/** How many bytes {@link #toPcm} returns. */
		long decodedLength() {
			return isIntegerPcm() ? this.wholeLength : (long) this.wholeLength / (this.bits / 8) * 4;
		}

		PcmAudio toPcm(byte[] bytes) {
			if (isIntegerPcm()) {
				byte[] data = Arrays.copyOfRange(bytes, this.offset, this.offset + this.wholeLength);
				if (this.bits == 8) {
					for (int i = 0; i < data.length; i++) {
						data[i] ^= (byte) 0x80;
					}
				}
				return new PcmAudio(pcmFormat(), data);
			}
			return new PcmAudio(pcmFormat(), floatToInt32(bytes, this.offset, this.wholeLength, this.bits));
		}

	}

	private static byte[] floatToInt32(byte[] bytes, int offset, int length, int bits) {
		ByteBuffer in = ByteBuffer.wrap(bytes, offset, length).order(ByteOrder.LITTLE_ENDIAN);
		int samples = length / (bits / 8);
		ByteBuffer out = ByteBuffer.allocate(samples * 4).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < samples; i++) {
			double value = (bits == 32) ? in.getFloat() : in.getDouble();
			double clipped = Math.max(-1.0, Math.min(1.0, value));
			out.putInt(
					(int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.round(clipped * 2147483648.0))));
		}
		return out.array();
	}

}
