package com.homemadealexa.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ask-multiple FILE...}: every file is asked at the same time (one virtual thread
 * each, one shared login), so the whole batch takes about as long as its slowest request.
 */
@Command(name = "ask-multiple",
		description = { "Sends several recordings at once and saves each spoken answer as FILE-reply.wav.",
				"Prints each request's time as it completes, then the total." })
final class AskMultipleCommand implements Callable<Integer> {

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
	boolean help;

	private final Terminal terminal;

	@Mixin
	ServerOptions options = new ServerOptions();

	@Parameters(arity = "1..*", paramLabel = "FILE.wav", description = "The recordings.")
	List<Path> files = new ArrayList<>();

	@Option(names = "--out-dir", paramLabel = "DIR",
			description = "Folder for the answers (default: the current folder).")
	@Nullable Path outDir;

	AskMultipleCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public Integer call() throws InterruptedException {
		List<Job> jobs = jobs();
		int failed = 0;
		for (Job job : jobs) {
			if (job.error() != null) {
				report("%s: %s", job.input(), job.error());
				failed++;
			}
		}
		List<Job> readable = jobs.stream().filter((job) -> job.error() == null).toList();
		long started = System.nanoTime();
		if (!readable.isEmpty()) {
			AlexaClient client = this.options.client(this.terminal);
			// One login before the burst, instead of every request finding no token.
			client.token();
			if (client.logins() > 0) {
				this.terminal.err()
					.println("Logged in as " + this.options.user + "; token cached in "
							+ this.options.tokenCacheFile(this.terminal));
			}
			started = System.nanoTime();
			List<Future<Boolean>> results = new ArrayList<>();
			try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
				for (Job job : readable) {
					results.add(executor.submit(() -> run(client, job)));
				}
			}
			for (Future<Boolean> result : results) {
				if (!result.resultNow()) {
					failed++;
				}
			}
		}
		Duration total = Duration.ofNanos(System.nanoTime() - started);
		this.terminal.out()
			.printf("Total: %d requests in %s, %d failed%n", jobs.size(), ReplyFiles.seconds(total), failed);
		return (failed == 0) ? 0 : 1;
	}

	private boolean run(AlexaClient client, Job job) {
		try {
			AlexaClient.Answer answer = client.ask(job.pcm());
			String reply = (answer.wav() != null)
					? "reply " + job.output() + " (" + ReplyFiles.save(answer.wav(), job.output()) + ")" : "no reply";
			report("%s: %s heard \"%s\", next %s, %s", job.input(), ReplyFiles.seconds(answer.elapsed()),
					answer.transcript(), answer.next(), reply);
			return true;
		}
		catch (CliException ex) {
			report("%s: %s", job.input(), ex.getMessage());
			return false;
		}
	}

	/**
	 * Reads every file first, so that unreadable ones are reported before anything is
	 * sent.
	 */
	private List<Job> jobs() {
		Path folder = (this.outDir != null) ? this.outDir : Path.of("");
		Set<Path> taken = new HashSet<>();
		List<Job> jobs = new ArrayList<>();
		for (Path input : this.files) {
			Path output = unique(ReplyFiles.replyFor(input, folder), taken);
			try {
				jobs.add(new Job(input, SpeechFile.readPcm(input), output, null));
			}
			catch (CliException ex) {
				jobs.add(new Job(input, new byte[0], output, ex.getMessage()));
			}
		}
		return jobs;
	}

	/** Two inputs called {@code a.wav} in different folders get different replies. */
	private static Path unique(Path output, Set<Path> taken) {
		Path candidate = output;
		String name = output.getFileName().toString();
		String stem = name.substring(0, name.length() - ".wav".length());
		for (int n = 2; !taken.add(candidate.toAbsolutePath().normalize()); n++) {
			candidate = output.resolveSibling(stem + "-" + n + ".wav");
		}
		return candidate;
	}

	private synchronized void report(String format, Object... arguments) {
		this.terminal.out().println(String.format(format, arguments));
	}

	private record Job(Path input, byte[] pcm, Path output, @Nullable String error) {
	}

}
