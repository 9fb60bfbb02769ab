package com.homemadealexa.reminder;

import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.homemadealexa.config.AssistantSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin routes for reminders (LAN only, like every {@code /api/internal/**} route). Times
 * are ISO-8601 local date-times in the household's time zone.
 */
@RestController
@RequestMapping("/api/internal/reminders")
class ReminderController {

	private final Reminders reminders;

	private final ZoneId zone;

	ReminderController(Reminders reminders, AssistantSettings assistant) {
		this.reminders = reminders;
		this.zone = assistant.zone();
	}

	@GetMapping
	List<ReminderView> list() {
		return this.reminders.list().stream().map(ReminderView::of).toList();
	}

	@GetMapping("/{id}")
	ReminderView get(@PathVariable String id) {
		return this.reminders.find(id).map(ReminderView::of).orElseThrow(() -> notFound(id));
	}

	@PostMapping
	ResponseEntity<ReminderView> create(@Valid @RequestBody NewReminder request) {
		LocalDateTime at = ReminderTimes.parseDateTime(request.scheduledAt(), this.zone)
			.orElseThrow(() -> new ReminderRejectedException(ReminderRejectedException.Reason.UNREADABLE,
					"scheduled_at must be an ISO-8601 local date-time such as 2026-05-14T15:30:00"));
		Reminder reminder = this.reminders.schedule(at, request.text());
		return ResponseEntity.created(URI.create("/api/internal/reminders/" + reminder.id()))
			.body(ReminderView.of(reminder));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		if (!this.reminders.delete(id)) {
			throw notFound(id);
		}
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(ReminderRejectedException.class)
	ResponseEntity<ProblemDetail> rejected(ReminderRejectedException ex) {
		return ResponseEntity.badRequest()
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage()));
	}

	private static ErrorResponseException notFound(String id) {
		return new ErrorResponseException(HttpStatus.NOT_FOUND,
				ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no reminder " + id), null);
	}

	record NewReminder(@JsonProperty("scheduled_at") @NotBlank @Size(max = 100) String scheduledAt,
			@NotBlank @Size(max = Reminders.MAX_TEXT_CHARS) String text) {

	}

	record ReminderView(String id, @JsonProperty("scheduled_at") String scheduledAt, String text) {

		static ReminderView of(Reminder reminder) {
			return new ReminderView(reminder.id(), DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(reminder.scheduledAt()),
					reminder.text());
		}

	}

}
