package com.homemadealexa.voice;

/**
 * A transcribed utterance.
 *
 * @param utteranceId id on every log line about it
 * @param text the transcript, stripped; empty for silence
 * @param timings its stage times
 */
record Heard(String utteranceId, String text, UtteranceTimings timings) {

}
