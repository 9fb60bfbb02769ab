/**
 * Azure Speech providers: streaming recognition through the Speech SDK and synthesis
 * through the REST API.
 */
@NullMarked
package com.homemadealexa.speech.azure;

import org.jspecify.annotations.NullMarked;
