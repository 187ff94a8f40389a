// One sound per answer, so a worker hears the result without looking: a high beep for ok, a low
// buzz for a refusal, two falling tones for a conflict, a soft tick for a scan kept offline.
let context = null;

const tunes = {
  ok: [[1320, 0.09]],
  refused: [[220, 0.35]],
  conflict: [[660, 0.15], [330, 0.25]],
  queued: [[880, 0.04]],
};

export function play(kind) {
  const tune = tunes[kind];
  if (!tune) return;
  try {
    context = context || new AudioContext();
    let at = context.currentTime;
    for (const [frequency, seconds] of tune) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.type = kind === 'refused' ? 'square' : 'sine';
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.2, at);
      gain.gain.exponentialRampToValueAtTime(0.001, at + seconds);
      osc.connect(gain).connect(context.destination);
      osc.start(at);
      osc.stop(at + seconds);
      at += seconds;
    }
  } catch { /* no audio device: the colour still tells */ }
}
