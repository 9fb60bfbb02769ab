// Plays the server's answers (WAV files) through the page's AudioContext.

export class Player {
  constructor(context) {
    this.context = context;
    this.current = null;
  }

  /** Decodes a base64 WAV. */
  async decode(base64) {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return this.context.decodeAudioData(bytes.buffer);
  }

  /**
   * Plays a decoded answer.
   * @returns {Promise<boolean>} true when it played to the end, false when stopped
   */
  play(buffer) {
    this.stop();
    return new Promise((resolve) => {
      const source = this.context.createBufferSource();
      source.buffer = buffer;
      source.connect(this.context.destination);
      const playing = { source, stopped: false };
      source.onended = () => {
        if (this.current === playing) {
          this.current = null;
        }
        resolve(!playing.stopped);
      };
      this.current = playing;
      source.start();
    });
  }

  get playing() {
    return this.current !== null;
  }

  stop() {
    if (this.current) {
      this.current.stopped = true;
      this.current.source.stop();
      this.current = null;
    }
  }
}
