package com.homemadealexa.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ask FILE.wav}: one utterance through the webapp API; prints the transcript and
 * what comes next, saves the spoken answer.
 */
@Command(name = "ask", description = {
		"Sends a recording to the assistant as the webapp does, prints what it heard and saves the " + "spoken answer.",
		"Any WAV is converted to 16 kHz 16-bit mono first." })
final class AskCommand implements Callable<Integer> {

	@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
	boolean help;

	private final Terminal terminal;

	@Mixin
	ServerOptions options = new ServerOptions();

	@Parameters(index = "0", paramLabel = "FILE.wav", description = "The recording.")
	@Nullable Path file;

	@Option(names = { "-o", "--out" }, paramLabel = "REPLY.wav",
			description = "Where the spoken answer goes (default: FILE-reply.wav in the current folder).")
	@Nullable Path out;

	AskCommand(Terminal terminal) {
		this.terminal = terminal;
	}

	@Override
	public Integer call() {
		Path input = java.util.Objects.requireNonNull(this.file);
		byte[] pcm = SpeechFile.readPcm(input);
		AlexaClient client = this.options.client(this.terminal);
		AlexaClient.Answer answer = client.ask(pcm);
		if (client.logins() > 0) {
			this.terminal.err()
				.println("Logged in as " + this.options.user + "; token cached in "
						+ this.options.tokenCacheFile(this.terminal));
		}
		this.terminal.out().println("Heard: " + (answer.transcript().isEmpty() ? "(nothing)" : answer.transcript()));
		this.terminal.out().println("Next: " + answer.next());
		if (answer.wav() == null) {
			this.terminal.out().println("Reply: none (nothing to say)");
		}
		else {
			Path target = (this.out != null) ? this.out : ReplyFiles.replyFor(input, Path.of(""));
			String length = ReplyFiles.save(answer.wav(), target);
			this.terminal.out().println("Reply: " + target + " (" + length + ")");
		}
		this.terminal.out().println("Time: " + ReplyFiles.seconds(answer.elapsed()));
		return 0;
	}

}
