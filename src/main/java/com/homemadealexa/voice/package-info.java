/**
 * The utterance pipeline: audio in, transcript, interpretation, spoken answer out, for
 * devices and the webapp.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "assistant", "audio", "device", "i18n", "speech" })
package com.homemadealexa.voice;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
