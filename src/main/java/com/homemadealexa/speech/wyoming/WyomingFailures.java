package com.homemadealexa.speech.wyoming;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import com.homemadealexa.speech.SpeechException;
import com.homemadealexa.speech.wyoming.WyomingConnection.WyomingClosedException;
import com.homemadealexa.speech.wyoming.WyomingConnection.WyomingProtocolException;

/**
 * One sentence for each way a Wyoming exchange fails, naming the service and its address.
 * The cause is kept, so that {@link com.homemadealexa.llm.ConnectionRetry} can tell a
 * refused or reset connection from the rest.
 */
final class WyomingFailures {

	private WyomingFailures() {
	}

	static SpeechException of(String what, WyomingAddress address, IOException ex) {
		String where = what + " at " + address;
		String message = switch (ex) {
			case ConnectException refused -> where + " is unreachable (" + refused.getMessage() + ")";
			case UnknownHostException unknown -> where + " is unreachable (unknown host " + unknown.getMessage() + ")";
			case SocketTimeoutException timeout -> where + " timed out: " + timeout.getMessage();
			case WyomingClosedException closed -> where + " " + closed.getMessage() + " before its answer was complete";
			case WyomingProtocolException protocol -> where + " sent " + protocol.getMessage();
			case SocketException broken -> where + " broke the connection (" + broken.getMessage() + ")";
			default -> where + " failed: " + ex.getClass().getSimpleName() + ": " + ex.getMessage();
		};
		return new SpeechException(message, ex);
	}

	/** A known Wyoming event that has no place in this exchange. */
	static SpeechException outOfOrder(String what, WyomingAddress address, String type, String expected) {
		return of(what, address,
				new WyomingProtocolException("'" + type + "' out of order (expected " + expected + ")"));
	}

	/** The service's own {@code error} event. */
	static SpeechException error(String what, WyomingAddress address, WyomingEvent event) {
		String code = event.text("code");
		return new SpeechException(what + " at " + address + " answered an error: " + event.text("text")
				+ (code.isEmpty() ? "" : " (" + code + ")"));
	}

}
