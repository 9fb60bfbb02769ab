package com.homemadealexa.device;

import org.jspecify.annotations.Nullable;

/**
 * Decides whether a webapp may open {@code /ws/public}. The {@code auth} feature provides
 * the bean; without one every webapp connection is refused.
 * <p>
 * Called once per connection attempt, from WebSocket container threads, possibly
 * concurrently: implementations must be thread-safe and must not block on the network.
 */
public interface PublicSocketAuthenticator {

	/**
	 * @param token the {@code token} query parameter of the WebSocket URL, URL-decoded;
	 * null when absent
	 * @return whether the token is valid; a refused socket is closed with code 4001
	 */
	boolean accepts(@Nullable String token);

}
