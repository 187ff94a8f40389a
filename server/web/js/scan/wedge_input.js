// A keyboard-wedge reader types a whole code in a burst (a few ms per key) and usually ends with
// Enter; a person types slower. This watches one input: it tells the two apart by keystroke timing,
// turns every form of the group separator into a visible ␝, and calls onScan once per code, whole.
import { GS_MARK, toDisplay } from './group_separator.js';

const readerGapMs = 35;        // a reader's keys come closer than this (the median gap)
const readerMinKeys = 4;       // a burst shorter than this could be a fast person
const readerSilenceMs = 400;   // a reader that sends no Enter: its code is over after this quiet (long
                               // enough that a busy machine never splits one code in two)

export function watchScanField(input, onScan) {
  let gaps = [];
  let lastKeyAt = 0;
  let altDigits = null;
  let silence = null;

  // The median gap, so one late key (a busy machine, a GS typed as Alt+0029) does not make a person of a reader.
  const isReader = () => {
    if (gaps.length + 1 < readerMinKeys) return false;
    const sorted = [...gaps].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] < readerGapMs;
  };

  function insert(text) {
    const start = input.selectionStart ?? input.value.length;
    const end = input.selectionEnd ?? input.value.length;
    input.setRangeText(text, start, end, 'end');
  }

  function finish() {
    clearTimeout(silence);
    const code = input.value;
    const source = isReader() ? 'reader' : 'keyboard';
    gaps = [];
    lastKeyAt = 0;
    input.value = '';
    if (code.trim()) onScan(code, source);
  }

  function keyArrived() {
    const now = performance.now();
    if (lastKeyAt) gaps.push(now - lastKeyAt);
    if (lastKeyAt && now - lastKeyAt > 1000) gaps = [];   // a new code after a pause
    lastKeyAt = now;
    clearTimeout(silence);
    silence = setTimeout(() => { if (isReader() && input.value) finish(); }, readerSilenceMs);
  }

  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); finish(); return; }
    // Ctrl+] is how a wedge reader types GS; the browser makes no character of it.
    if (e.ctrlKey && (e.code === 'BracketRight' || e.key === ']' || e.key === '\u001d' || e.keyCode === 221)) {
      e.preventDefault(); insert(GS_MARK); keyArrived(); return;
    }
    // Alt held while digits are typed on the numeric keypad: Alt+0029 is GS.
    if (e.altKey && /^Numpad[0-9]$/.test(e.code)) {
      e.preventDefault();
      altDigits = (altDigits ?? '') + e.code.slice(6);
      return;
    }
    if (e.key.length === 1 && !e.ctrlKey && !e.metaKey) keyArrived();
  });

  input.addEventListener('keyup', (e) => {
    if (e.key === 'Alt' && altDigits !== null) {
      const code = parseInt(altDigits, 10);
      altDigits = null;
      if (code === 29) insert(GS_MARK);
      else if (code > 31) insert(String.fromCharCode(code));
      keyArrived();
    }
  });

  // Whatever arrives as characters (a pasted code, a reader's U+E70B or a raw GS) shows as ␝.
  input.addEventListener('input', () => {
    const shown = toDisplay(input.value);
    if (shown !== input.value) {
      const at = input.selectionStart;
      input.value = shown;
      input.setSelectionRange(at, at);
    }
  });

  return () => clearTimeout(silence);
}
