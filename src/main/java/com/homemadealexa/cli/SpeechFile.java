package com.homemadealexa.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.homemadealexa.audio.InvalidAudioException;
import com.homemadealexa.audio.PcmAudio;
import com.homemadealexa.audio.Wav;

/**
 * Reads a recording from disk as the server wants it: 16 kHz, 16-bit, mono PCM. Any WAV
 * (PCM 8/16/24/32-bit or float, any rate, any channels) is resampled and downmixed.
 */
final class SpeechFile {

	private SpeechFile() {
	}

	/**
	 * @return the recording as {@link com.homemadealexa.audio.PcmFormat#SPEECH} PCM
	 * @throws CliException naming the file and what is wrong with it
	 */
	static byte[] readPcm(Path file) {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (NoSuchFileException ex) {
			throw new CliException(file + ": no such file");
		}
		catch (AccessDeniedException ex) {
			throw new CliException(file + ": permission denied");
		}
		catch (IOException ex) {
			throw new CliException(file + ": cannot be read (" + ex.getMessage() + ")", ex);
		}
		PcmAudio audio;
		try {
			audio = Wav.decode(bytes);
		}
		catch (InvalidAudioException ex) {
			throw new CliException(file + " is not audio this client can read: " + ex.getMessage()
					+ ". Use a WAV file (PCM or float samples).", ex);
		}
		if (audio.data().length == 0) {
			throw new CliException(file + " contains no audio");
		}
		return Wav.toSpeechPcm(audio.data(), audio.format());
	}

}
