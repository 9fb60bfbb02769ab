// Records one utterance from the microphone as 16 kHz 16-bit mono PCM and notices when the
// speaker has finished (a pause after speech), like the devices do.

const SPEECH_LEVEL = 0.02; // RMS (full scale 1) above which a 50 ms chunk counts as speech
const SPEECH_TO_START_MS = 150; // that much speech before a pause can end the utterance
const PAUSE_TO_END_MS = 1200;
const NO_SPEECH_MS = 7000; // hands-free only: give up when nobody talks
const MAX_MS = 25000; // the server refuses utterances longer than [audio] max_seconds (30 s)

/** Why the microphone could not be started; `reason` selects the message shown. */
export class MicrophoneError extends Error {
  constructor(reason, message) {
    super(message);
    this.reason = reason; // denied | missing | busy | insecure | other
  }
}

const worklets = new WeakSet();

export class Recorder {
  /**
   * @param {AudioContext} context
   * @param {{onLevel?: function(number), onSpeech?: function(), onEnd?: function(string)}} listeners
   *   onEnd gets 'pause' | 'silence' | 'limit' when the recorder decides to stop by itself
   */
  constructor(context, listeners = {}) {
    this.context = context;
    this.listeners = listeners;
    this.chunks = [];
    this.speechMs = 0;
    this.pauseMs = 0;
    this.recordedMs = 0;
    this.ended = false;
    this.released = false;
  }

  /** Opens the microphone and starts recording. */
  async start({ handsFree = false } = {}) {
    this.handsFree = handsFree;
    const stream = await openMicrophone();
    if (this.released) {
      // Stopped while the browser was still asking for permission.
      stream.getTracks().forEach((track) => track.stop());
      return;
    }
    this.stream = stream;
    try {
      if (!worklets.has(this.context)) {
        await this.context.audioWorklet.addModule(new URL('./pcm-worklet.js', import.meta.url));
        worklets.add(this.context);
      }
      if (this.released) {
        this.release();
        return;
      }
      this.source = this.context.createMediaStreamSource(this.stream);
      this.node = new AudioWorkletNode(this.context, 'pcm-capture', {
        processorOptions: { targetRate: 16000 },
        numberOfOutputs: 1,
        outputChannelCount: [1],
      });
      this.node.port.onmessage = (event) => this.chunk(event.data);
      this.source.connect(this.node);
      // The node writes nothing to its output; being connected keeps it running in every
      // browser.
      this.node.connect(this.context.destination);
    } catch (error) {
      this.release();
      throw new MicrophoneError('other', error.message);
    }
  }

  /** Stops recording and returns everything recorded, as PCM bytes. */
  async stop() {
    if (this.node) {
      const flushed = new Promise((resolve) => {
        this.finalChunk = resolve;
        setTimeout(resolve, 300);
      });
      this.node.port.postMessage('flush');
      await flushed;
    }
    this.release();
    const total = this.chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
    const pcm = new Uint8Array(total);
    let offset = 0;
    for (const chunk of this.chunks) {
      pcm.set(new Uint8Array(chunk), offset);
      offset += chunk.byteLength;
    }
    return pcm;
  }

  /** Stops recording and throws the audio away. */
  cancel() {
    this.release();
    this.chunks = [];
  }

  get heardSpeech() {
    return this.speechMs >= SPEECH_TO_START_MS;
  }

  chunk({ pcm, rms, last }) {
    this.chunks.push(pcm);
    if (last) {
      this.finalChunk?.();
      return;
    }
    const millis = pcm.byteLength / 32;
    this.recordedMs += millis;
    this.listeners.onLevel?.(rms);
    if (rms >= SPEECH_LEVEL) {
      const before = this.heardSpeech;
      this.speechMs += millis;
      this.pauseMs = 0;
      if (!before && this.heardSpeech) {
        this.listeners.onSpeech?.();
      }
    } else if (this.heardSpeech) {
      this.pauseMs += millis;
    }
    if (this.heardSpeech && this.pauseMs >= PAUSE_TO_END_MS) {
      this.end('pause');
    } else if (this.handsFree && !this.heardSpeech && this.recordedMs >= NO_SPEECH_MS) {
      this.end('silence');
    } else if (this.recordedMs >= MAX_MS) {
      this.end('limit');
    }
  }

  end(reason) {
    if (!this.ended) {
      this.ended = true;
      this.listeners.onEnd?.(reason);
    }
  }

  release() {
    this.released = true;
    this.ended = true;
    this.source?.disconnect();
    this.node?.disconnect();
    if (this.node) {
      this.node.port.onmessage = null;
    }
    this.stream?.getTracks().forEach((track) => track.stop());
    this.source = this.node = this.stream = null;
  }
}

async function openMicrophone() {
  if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) {
    throw new MicrophoneError('insecure', 'not a secure context');
  }
  try {
    return await navigator.mediaDevices.getUserMedia({
      audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
    });
  } catch (error) {
    const reason = {
      NotAllowedError: 'denied',
      SecurityError: 'denied',
      NotFoundError: 'missing',
      OverconstrainedError: 'missing',
      NotReadableError: 'busy',
      AbortError: 'busy',
    }[error.name] ?? 'other';
    throw new MicrophoneError(reason, error.message);
  }
}
