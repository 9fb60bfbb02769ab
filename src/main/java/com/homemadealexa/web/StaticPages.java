package com.homemadealexa.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the two browser pages: the webapp under {@code [webapp] base} (public, the
 * reverse proxy forwards it) and the LAN console under {@code /console/} (LAN only, like
 * the internal routes it calls). Both ship in the jar; a {@code web/} folder next to
 * {@code config.toml} overrides the webapp's files one by one, so a household can restyle
 * it without rebuilding.
 */
@Configuration(proxyBeanMethods = false)
class StaticPages implements WebMvcConfigurer {

	static final String CONSOLE = "/console";

	private static final Logger log = LoggerFactory.getLogger(StaticPages.class);

	// Plain files without a build step: the browser must ask again after an upgrade, and
	// the Last-Modified check keeps that cheap.
	private static final CacheControl REVALIDATE = CacheControl.noCache();

	private final String base;

	private final @Nullable Path overrides;

	StaticPages(WebappSettings settings, @Value("${alexa.config-file:config.toml}") String configFile) {
		this.base = withoutTrailingSlash(settings.base());
		this.overrides = overridesNextTo(Path.of(configFile));
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		List<String> webapp = new ArrayList<>();
		if (this.overrides != null) {
			webapp.add(this.overrides.toUri().toString());
		}
		webapp.add("classpath:/webapp/");
		registry.addResourceHandler(this.base + "/**")
			.addResourceLocations(webapp.toArray(String[]::new))
			.setCacheControl(REVALIDATE);
		registry.addResourceHandler(CONSOLE + "/**")
			.addResourceLocations("classpath:/console/")
			.setCacheControl(REVALIDATE);
	}

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		page(registry, this.base);
		page(registry, CONSOLE);
	}

	/**
	 * {@code /x} redirects to {@code /x/}, which shows {@code index.html}: the pages load
	 * their scripts by relative URLs, which resolve only under the slash.
	 */
	private static void page(ViewControllerRegistry registry, String path) {
		if (!path.isEmpty()) {
			registry.addRedirectViewController(path, path + "/").setStatusCode(HttpStatus.FOUND);
		}
		registry.addViewController(path + "/").setViewName("forward:" + path + "/index.html");
	}

	private static @Nullable Path overridesNextTo(Path configFile) {
		Path parent = configFile.toAbsolutePath().getParent();
		Path web = (parent != null) ? parent.resolve("web") : Path.of("web").toAbsolutePath();
		if (!Files.isDirectory(web)) {
			return null;
		}
		log.info("Webapp files in {} override the built-in ones", web);
		return web;
	}

	private static String withoutTrailingSlash(String path) {
		String trimmed = path;
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		return trimmed;
	}

}
