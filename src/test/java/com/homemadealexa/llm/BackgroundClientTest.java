package com.homemadealexa.llm;

import java.time.Duration;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackgroundClientTest {

	@Test
	void givesTheOneClientItBuilt() {
		BackgroundClient client = BackgroundClient.start("sk-test", "http://127.0.0.1:9/v1", Duration.ofSeconds(5));
		assertThat(client.get()).isNotNull().isSameAs(client.get());
		client.close();
	}

	@Test
	void aClientThatCannotBeBuiltFailsOnUseWithItsOwnException() {
		BackgroundClient client = BackgroundClient.start(null, "http://127.0.0.1:9/v1", Duration.ofSeconds(5));
		assertThatThrownBy(client::get).isInstanceOf(RuntimeException.class).isNotInstanceOf(CompletionException.class);
		client.close();
	}

}
