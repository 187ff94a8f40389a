// A refused write in words: every reason the server gave (a delivery gate gives several), each as the
// catalogue's sentence for its code with the rule it comes from, in one alert the screen reader reads.
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { ApiProblem } from '../api.js';
import { problemText, ruleText } from './problem_text.js';

export function refusalBox(err, id = 'refusal') {
  if (!(err instanceof ApiProblem)) throw err;
  const reasons = err.reasons.length ? err.reasons : [err.body];
  return h('div', { class: 'error', role: 'alert', id, 'data-status': err.status },
    h('p', { text: t('case.refused') }),
    h('ul', {}, reasons.map((r) => h('li', { 'data-code': r.code, text: `${problemText(r)} ${ruleText(r)}`.trim() }))));
}

// Runs a write and shows its refusal in `out`; returns the answer, or undefined when refused.
export async function attemptInto(out, work) {
  while (out.firstChild) out.firstChild.remove();
  try { return await work(); } catch (err) { out.append(refusalBox(err)); return undefined; }
}
