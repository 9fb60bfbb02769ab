package com.homemadealexa.audio;

import java.nio.file.Path;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code [audio]}: limits on received speech and the optional WAV log.
 *
 * @param logDir folder for utterance WAVs
 * @param saveAudio keep each utterance as a WAV
 * @param logMaxFiles retention: oldest WAVs beyond this count are deleted
 * @param maxSeconds longest accepted utterance
 * @param uploadMemoryMb how much memory the uploads being received may hold together; 0
 * means a third of the maximum heap. Beyond it an upload is refused with 503 and
 * {@code Retry-After}, so parallel uploads cannot exhaust the heap
 */
@Validated
@ConfigurationProperties("audio")
public record AudioSettings(@NotNull Path logDir, boolean saveAudio, @Min(1) int logMaxFiles,
		@Min(1) @Max(600) int maxSeconds, @Min(0) int uploadMemoryMb) {

	/** The budget in bytes. */
	public long uploadMemoryBytes() {
		return (this.uploadMemoryMb > 0) ? this.uploadMemoryMb * 1024L * 1024L : Runtime.getRuntime().maxMemory() / 3;
	}

}
