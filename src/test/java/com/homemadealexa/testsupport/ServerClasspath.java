package com.homemadealexa.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The classpath for starting the server in a process of its own from the built classes:
 * the test JVM's classpath without the test classes, whose test configurations component
 * scanning would otherwise pick up. Surefire and Failsafe may start the test JVM from a
 * manifest-only jar; its {@code Class-Path} is expanded.
 */
public final class ServerClasspath {

	private ServerClasspath() {
	}

	public static String mainClasses() {
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> entries = new ArrayList<>();
		for (String entry : classpath.split(File.pathSeparator)) {
			entries.addAll(expand(entry));
		}
		return String.join(File.pathSeparator,
				entries.stream()
					.filter((entry) -> !Path.of(entry).getFileName().toString().equals("test-classes"))
					.toList());
	}

	private static List<String> expand(String entry) {
		if (!entry.endsWith(".jar") || !Path.of(entry).getFileName().toString().startsWith("surefirebooter")) {
			return List.of(entry);
		}
		try (JarFile jar = new JarFile(entry)) {
			Manifest manifest = jar.getManifest();
			String classPath = (manifest != null) ? manifest.getMainAttributes().getValue("Class-Path") : null;
			if (classPath == null) {
				return List.of(entry);
			}
			List<String> expanded = new ArrayList<>();
			for (String url : classPath.trim().split("\\s+")) {
				expanded.add(Path.of(URI.create(url)).toString());
			}
			return expanded;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
