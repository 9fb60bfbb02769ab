// AudioWorklet: turns the microphone's float samples at the AudioContext's rate (often 44.1
// or 48 kHz) into 16-bit little-endian mono PCM at 16 kHz, the format the server and the
// speech-to-text providers expect. Runs on the audio rendering thread.

const CHUNK_SAMPLES = 800; // 50 ms at 16 kHz: small enough for a responsive level meter

class PcmCapture extends AudioWorkletProcessor {
  constructor(options) {
    super();
    const target = options.processorOptions?.targetRate ?? 16000;
    // Input samples per output sample (sampleRate is the worklet scope's global).
    this.step = sampleRate / target;
    this.taps = this.step > 1 ? lowPass(this.step) : new Float32Array([1]);
    this.history = new Float32Array(this.taps.length);
    this.historyAt = 0;
    this.filtered = new Float32Array(4096);
    this.filteredLength = 0;
    this.position = 0;
    this.newChunk();
    this.port.onmessage = (event) => {
      if (event.data === 'flush') {
        this.post(true);
      }
    };
  }

  newChunk() {
    this.chunk = new DataView(new ArrayBuffer(CHUNK_SAMPLES * 2));
    this.chunkLength = 0;
    this.sumOfSquares = 0;
  }

  process(inputs) {
    const input = inputs[0];
    if (input && input.length > 0) {
      this.take(mono(input));
    }
    return true;
  }

  take(samples) {
    const taps = this.taps;
    const size = taps.length;
    if (this.filteredLength + samples.length > this.filtered.length) {
      const larger = new Float32Array((this.filteredLength + samples.length) * 2);
      larger.set(this.filtered.subarray(0, this.filteredLength));
      this.filtered = larger;
    }
    // Low-pass below the new Nyquist frequency first, or the high frequencies fold back
    // into the speech band as noise.
    for (let i = 0; i < samples.length; i++) {
      this.history[this.historyAt] = samples[i];
      let sum = 0;
      let at = this.historyAt;
      for (let k = 0; k < size; k++) {
        sum += taps[k] * this.history[at];
        at = (at === 0) ? size - 1 : at - 1;
      }
      this.historyAt = (this.historyAt + 1) % size;
      this.filtered[this.filteredLength++] = sum;
    }
    // Then pick the output instants, interpolating between neighbouring input samples.
    while (this.position + 1 < this.filteredLength) {
      const index = Math.floor(this.position);
      const fraction = this.position - index;
      this.emit(this.filtered[index] * (1 - fraction) + this.filtered[index + 1] * fraction);
      this.position += this.step;
    }
    const consumed = Math.min(Math.floor(this.position), this.filteredLength);
    this.filtered.copyWithin(0, consumed, this.filteredLength);
    this.filteredLength -= consumed;
    this.position -= consumed;
  }

  emit(value) {
    const sample = Math.max(-1, Math.min(1, value));
    this.sumOfSquares += sample * sample;
    this.chunk.setInt16(this.chunkLength * 2, sample < 0 ? sample * 0x8000 : sample * 0x7fff, true);
    this.chunkLength++;
    if (this.chunkLength === CHUNK_SAMPLES) {
      this.post(false);
    }
  }

  post(last) {
    const bytes = this.chunk.buffer.slice(0, this.chunkLength * 2);
    const rms = this.chunkLength > 0 ? Math.sqrt(this.sumOfSquares / this.chunkLength) : 0;
    this.port.postMessage({ pcm: bytes, rms, last }, [bytes]);
    this.newChunk();
  }
}

/** Mixes the input's channels down to one. */
function mono(channels) {
  if (channels.length === 1) {
    return channels[0];
  }
  const mixed = new Float32Array(channels[0].length);
  for (const channel of channels) {
    for (let i = 0; i < mixed.length; i++) {
      mixed[i] += channel[i] / channels.length;
    }
  }
  return mixed;
}

/**
 * A windowed-sinc low-pass filter (Blackman window) whose cut-off sits a little below the
 * output's Nyquist frequency, for decimating by `step`.
 */
function lowPass(step) {
  const cutoff = 0.45 / step; // cycles per input sample: 7.2 kHz for 16 kHz output
  const half = Math.ceil(8 * step);
  const taps = new Float32Array(2 * half + 1);
  let sum = 0;
  for (let n = -half; n <= half; n++) {
    const sinc = n === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * n) / (Math.PI * n);
    const phase = (n + half) / (2 * half);
    const window = 0.42 - 0.5 * Math.cos(2 * Math.PI * phase) + 0.08 * Math.cos(4 * Math.PI * phase);
    taps[n + half] = sinc * window;
    sum += taps[n + half];
  }
  for (let i = 0; i < taps.length; i++) {
    taps[i] /= sum;
  }
  return taps;
}

registerProcessor('pcm-capture', PcmCapture);
