// The station's mode and open case, changed by the mode sheet's barcodes as in bhm-scan
// (scanner/station_state.cpp): MODE:x switches mode and closes the case; CASE:n opens a case in
// issue mode; END closes it; QTY:n says how many packs the next consumable scan stands for. Anything else is a device scan for the server.
export const modes = ['receive', 'issue', 'return', 'inspect', 'count'];

const caseNumber = /^[A-Za-z0-9\-/_.]{1,64}$/;

function withoutAim(text) { return /^\][A-Za-z][A-Za-z0-9]/.test(text) ? text.slice(3) : text; }

// → {kind: 'mode'|'case'|'end'|'quantity'|'device'|'refused', mode, caseNumber, quantity, note}
export function applyScan(state, raw) {
  const text = withoutAim(raw.trim()).trim();
  const upper = text.toUpperCase();
  if (upper.startsWith('MODE:')) {
    const mode = text.slice(5).trim().toLowerCase();
    if (!modes.includes(mode)) return { kind: 'refused', ...state, note: 'scan.unknown_mode' };
    return { kind: 'mode', mode, caseNumber: null };
  }
  if (upper.startsWith('CASE:')) {
    const number = text.slice(5).trim();
    if (state.mode !== 'issue') return { kind: 'refused', ...state, note: 'scan.case_needs_issue' };
    if (!caseNumber.test(number)) return { kind: 'refused', ...state, note: 'scan.case_invalid' };
    return { kind: 'case', mode: state.mode, caseNumber: number };
  }
  if (upper.startsWith('QTY:')) {
    const n = text.slice(4).trim();
    if (!/^\d{1,6}$/.test(n) || Number(n) > 100000) return { kind: 'refused', ...state, note: 'scan.quantity_invalid' };
    return { kind: 'quantity', ...state, quantity: Number(n) };
  }
  if (upper === 'END') return { kind: 'end', mode: state.mode, caseNumber: null };
  if (state.mode === 'issue' && !state.caseNumber) return { kind: 'refused', ...state, note: 'scan.issue_needs_case' };
  return { kind: 'device', ...state };
}
