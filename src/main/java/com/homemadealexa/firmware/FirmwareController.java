package com.homemadealexa.firmware;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Firmware files: devices download them during OTA, the LAN console uploads them.
 */
@RestController
class FirmwareController {

	private final FirmwareFolder folder;

	FirmwareController(FirmwareFolder folder) {
		this.folder = folder;
	}

	@GetMapping("/firmware/{filename}")
	ResponseEntity<Resource> download(@PathVariable String filename) {
		Path file = this.folder.existing(filename);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).body(new FileSystemResource(file));
	}

	@PostMapping(path = "/api/internal/firmware", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Uploaded> upload(@RequestParam("file") MultipartFile file) {
		String name = file.getOriginalFilename();
		if (name == null || file.isEmpty()) {
			throw FirmwareFolder.problem(HttpStatus.BAD_REQUEST, "The upload needs a non-empty .bin file in 'file'");
		}
		long size;
		try (InputStream content = file.getInputStream()) {
			size = this.folder.save(name, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Reading the upload failed", ex);
		}
		return ResponseEntity.created(URI.create("/firmware/" + name)).body(new Uploaded("saved", name, size));
	}

	record Uploaded(String status, String firmware, long bytes) {
	}

}
