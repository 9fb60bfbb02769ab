package com.homemadealexa.speech.azure;

import com.microsoft.cognitiveservices.speech.CancellationDetails;
import com.microsoft.cognitiveservices.speech.CancellationErrorCode;
import com.microsoft.cognitiveservices.speech.CancellationReason;
import com.microsoft.cognitiveservices.speech.ResultReason;
import com.microsoft.cognitiveservices.speech.SpeechRecognitionResult;
import org.jspecify.annotations.Nullable;

import com.homemadealexa.speech.SpeechException;

/**
 * What a recognition result means for the assistant: recognised speech is the transcript,
 * no match is silence, a cancellation is a failure whose message names the reason and
 * error code (and never the key).
 */
final class AzureRecognitionResults {

	private static final int MAX_DETAILS = 200;

	private AzureRecognitionResults() {
	}

	static String transcript(SpeechRecognitionResult result, String key) {
		if (result.getReason() != ResultReason.Canceled) {
			return transcript(result.getReason(), result.getText(), null, null, null, key);
		}
		CancellationDetails details = CancellationDetails.fromResult(result);
		try {
			return transcript(ResultReason.Canceled, result.getText(), details.getReason(), details.getErrorCode(),
					details.getErrorDetails(), key);
		}
		finally {
			details.close();
		}
	}

	/**
	 * The mapping itself, free of native handles so that it can be tested.
	 * @param key the resource key, removed from the details should the SDK echo it
	 */
	static String transcript(ResultReason reason, @Nullable String text, @Nullable CancellationReason cancellation,
			@Nullable CancellationErrorCode errorCode, @Nullable String errorDetails, String key) {
		if (reason == ResultReason.RecognizedSpeech) {
			return (text != null) ? text.strip() : "";
		}
		if (reason == ResultReason.NoMatch) {
			return "";
		}
		if (reason == ResultReason.Canceled) {
			// The audio ended before any speech: that is silence, not a failure.
			if (cancellation == CancellationReason.EndOfStream) {
				return "";
			}
			throw new SpeechException("Azure speech-to-text was cancelled: " + cancellation + " (error code "
					+ errorCode + ")" + details(errorDetails, key));
		}
		throw new SpeechException("Azure speech-to-text gave an unexpected result: " + reason);
	}

	private static String details(@Nullable String errorDetails, String key) {
		if (errorDetails == null || errorDetails.isBlank()) {
			return "";
		}
		String safe = key.isBlank() ? errorDetails : errorDetails.replace(key, "***");
		safe = safe.strip().replaceAll("\\s+", " ");
		return ": " + ((safe.length() > MAX_DETAILS) ? safe.substring(0, MAX_DETAILS) + "..." : safe);
	}

}
