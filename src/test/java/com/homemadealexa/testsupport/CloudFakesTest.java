package com.homemadealexa.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;

/**
 * The whole application on a random port against the {@link CloudFakes}: the audio
 * server, OpenAI, Azure and Wyoming faked on loopback in their real wire formats, state
 * in a temporary folder of the household's own. The attributes describe the household;
 * test classes with the same ones share one application context. Before each test the
 * fakes are reset and given what the attributes ask for (a voice, a failing model, a
 * latency).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(CloudFakesExtension.class)
public @interface CloudFakesTest {

	/** {@code assistant.language}; the shipped household is Polish. */
	String language() default "pl-PL";

	/** {@code assistant.prefer-local}: common commands answered without the model. */
	boolean preferLocal() default true;

	SpeechToText speechToText() default SpeechToText.OPENAI;

	TextToSpeech textToSpeech() default TextToSpeech.AZURE;

	Model model() default Model.OPENAI;

	/** The console and webapp password; empty leaves {@code auth.password-hash} unset. */
	String password() default "";

	/**
	 * Before each test the configured voice (OpenAI, Azure or Wyoming) answers every
	 * sentence with a tone this long; 0 leaves it unstubbed.
	 */
	int voiceMillis() default 0;

	/** Every OpenAI and Azure answer waits this long before its first byte. */
	int latencyMillis() default 0;

	/** More {@code key=value} properties, above the fakes' own. */
	@AliasFor(annotation = SpringBootTest.class)
	String[] properties() default {};

	/** Who hears the speech. */
	enum SpeechToText {

		/** {@link CloudFakes#openAi()}, the OpenAI transcription endpoint. */
		OPENAI,
		/** {@link CloudFakes#wyomingSpeechToText()}. */
		WYOMING

	}

	/** Who speaks the answers. */
	enum TextToSpeech {

		/** {@link CloudFakes#azure()}, Azure's REST endpoint. */
		AZURE,
		/** {@link CloudFakes#openAi()}, OpenAI's speech endpoint. */
		OPENAI,
		/** {@link CloudFakes#wyomingTextToSpeech()}, a Piper-like voice. */
		WYOMING,
		/** The built-in offline voice; no fake. */
		ESPEAK

	}

	/** The language model. */
	enum Model {

		/** {@link CloudFakes#openAi()}'s chat completions; stub them per test. */
		OPENAI,
		/** Configured, but every chat completion fails with HTTP 503. */
		DOWN,
		/** No key at all: only local commands work. */
		NONE

	}

}
