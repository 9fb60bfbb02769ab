package com.homemadealexa.reminder;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs SQLite's own consistency check on a database file.
 */
final class SqliteIntegrity {

	private SqliteIntegrity() {
	}

	static String check(Path database) throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("PRAGMA integrity_check")) {
			return result.next() ? result.getString(1) : "no result";
		}
	}

}
