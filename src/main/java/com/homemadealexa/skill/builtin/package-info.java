/**
 * The simple skills: wake name, stop, new topic, time, date, small talk and say.
 */
@NullMarked
package com.homemadealexa.skill.builtin;

import org.jspecify.annotations.NullMarked;
