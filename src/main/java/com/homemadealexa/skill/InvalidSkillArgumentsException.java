package com.homemadealexa.skill;

/**
 * The model called a skill with arguments that do not fit its schema.
 */
public class InvalidSkillArgumentsException extends RuntimeException {

	public InvalidSkillArgumentsException(String reason) {
		super(reason);
	}

}
