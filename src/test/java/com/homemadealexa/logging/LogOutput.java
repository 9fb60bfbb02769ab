package com.homemadealexa.logging;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.Logger;

/**
 * A logback context of its own, configured like {@code logback-spring.xml} (the converter
 * and the rate limiter), writing {@code LEVEL message} lines to a file.
 */
final class LogOutput implements AutoCloseable {

	private final LoggerContext context = new LoggerContext();

	private final Path file;

	LogOutput(Path folder, int linesPerWindow) {
		this.file = folder.resolve("test.log");
		this.context.setMDCAdapter(new LogbackMDCAdapter());
		String xml = """
				<configuration>
					<conversionRule conversionWord="m" class="com.homemadealexa.logging.SafeMessageConverter"/>
					<turboFilter class="com.homemadealexa.logging.RepeatedLineFilter">
						<linesPerWindow>%d</linesPerWindow>
					</turboFilter>
					<appender name="FILE" class="ch.qos.logback.core.FileAppender">
						<file>%s</file>
						<encoder><pattern>%%level %%m%%n</pattern></encoder>
					</appender>
					<root level="INFO"><appender-ref ref="FILE"/></root>
				</configuration>
				""".formatted(linesPerWindow, this.file);
		JoranConfigurator configurator = new JoranConfigurator();
		configurator.setContext(this.context);
		try {
			configurator.doConfigure(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
		}
		catch (JoranException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Logger logger(String name) {
		return this.context.getLogger(name);
	}

	RepeatedLineFilter filter() {
		return (RepeatedLineFilter) this.context.getTurboFilterList().get(0);
	}

	List<String> lines() {
		try {
			return Files.readAllLines(this.file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.context.stop();
	}

}
