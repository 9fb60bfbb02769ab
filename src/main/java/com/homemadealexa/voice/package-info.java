/**
 * The utterance pipeline: audio in, transcript, interpretation, spoken answer out, for
 * devices and the webapp.
 */
@NullMarked
package com.homemadealexa.voice;

import org.jspecify.annotations.NullMarked;
