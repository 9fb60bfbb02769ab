package com.homemadealexa.config;

import java.io.IOException;
import java.io.Reader;

/**
 * Counts lines and columns of what the TOML parser has read, so that a syntax error can
 * name where it is: the parser's own messages do not.
 */
final class PositionReader extends Reader {

	private final Reader reader;

	private int line = 1;

	private int column;

	private int lastLine = 1;

	private int lastColumn;

	PositionReader(Reader reader) {
		this.reader = reader;
	}

	/** Line of the last character read, from 1. */
	int line() {
		return this.lastLine;
	}

	/** Column of the last character read, from 1. */
	int column() {
		return Math.max(1, this.lastColumn);
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		int read = this.reader.read(buffer, offset, length);
		for (int i = 0; i < read; i++) {
			step(buffer[offset + i]);
		}
		return read;
	}

	private void step(char c) {
		this.lastLine = this.line;
		this.lastColumn = this.column + 1;
		if (c == '\n') {
			this.line++;
			this.column = 0;
		}
		else {
			this.column++;
		}
	}

	@Override
	public void close() throws IOException {
		this.reader.close();
	}

}
