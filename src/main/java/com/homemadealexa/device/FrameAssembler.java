package com.homemadealexa.device;

import org.jspecify.annotations.Nullable;

/**
 * Puts a socket's message back together from the parts Tomcat hands over, up to
 * {@link #MAX_MESSAGE_CHARS}. Tomcat reserves each session's receive buffers up front at
 * the size of the largest message it may assemble itself, so the sockets take small
 * buffers ({@link DeviceSocketConfiguration}) and the rare large message is assembled
 * here, in memory that exists only while it arrives. One per session; a session's
 * messages arrive one at a time (the container never delivers them concurrently).
 */
final class FrameAssembler {

	/**
	 * The largest message a socket takes: 64 Ki characters (text) or bytes (binary), the
	 * limit the sockets have always had. The firmware never sends a frame over 130 bytes;
	 * the limit lets an odd large frame be read and ignored instead of closing the
	 * socket.
	 */
	static final int MAX_MESSAGE_CHARS = 64 * 1024;

	private @Nullable StringBuilder text;

	private long binaryBytes;

	/**
	 * Adds a part of a text message.
	 * @return the whole message once its last part has arrived, else {@code null}
	 * @throws TooBig when the message grows past {@link #MAX_MESSAGE_CHARS}
	 */
	@Nullable String text(String part, boolean last) throws TooBig {
		if (this.text == null) {
			if (last) {
				return check(part.length(), part);
			}
			this.text = new StringBuilder(Math.min(MAX_MESSAGE_CHARS, 4 * part.length()));
		}
		check(this.text.length() + part.length(), part);
		this.text.append(part);
		if (!last) {
			return null;
		}
		String whole = this.text.toString();
		this.text = null;
		return whole;
	}

	/**
	 * Counts a part of a binary message (binary messages are ignored, so only their size
	 * is kept).
	 * @return whether it was the last part
	 * @throws TooBig when the message grows past {@link #MAX_MESSAGE_CHARS} bytes
	 */
	boolean binary(int partBytes, boolean last) throws TooBig {
		this.binaryBytes += partBytes;
		if (this.binaryBytes > MAX_MESSAGE_CHARS) {
			this.binaryBytes = 0;
			throw new TooBig();
		}
		if (last) {
			this.binaryBytes = 0;
		}
		return last;
	}

	private String check(long length, String part) throws TooBig {
		if (length > MAX_MESSAGE_CHARS) {
			this.text = null;
			throw new TooBig();
		}
		return part;
	}

	/** The message is larger than a socket takes: close it with 1009, as Tomcat would. */
	static final class TooBig extends Exception {

		TooBig() {
			super("Message larger than " + MAX_MESSAGE_CHARS, null, false, false);
		}

	}

}
