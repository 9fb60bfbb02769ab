package com.homemadealexa.voice;

/**
 * A transcribed utterance.
 *
 * @param utteranceId id on every log line about it
 * @param text the transcript, stripped; empty for silence
 * @param timings its stage times
 * @param audioBytes how much audio the upload carried; 0 for none at all
 */
record Heard(String utteranceId, String text, UtteranceTimings timings, long audioBytes) {

}
