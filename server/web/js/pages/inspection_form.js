// The IEC 62353 recurrent test for one device. The limits for its protection class and applied part
// come from the server, and each typed value is judged by the server's own rule (a preview call) as
// it is typed; saving records the test and the server's verdict, which is final.
import { h, field, clear } from '../dom.js';
import { t, formatNumber, formatDate } from '../i18n.js';
import * as session from '../session.js';
import { get, post, ApiProblem } from '../api.js';
import { problemText, ruleText } from '../parts/problem_text.js';

const readings = [
  { name: 'protective_earth_ohm', measurement: 'protective_earth', unit: 'Ω' },
  { name: 'pe_device_ohm', measurement: 'protective_earth_device', unit: 'Ω', cord: true },
  { name: 'pe_cord_ohm', measurement: 'protective_earth_cord', unit: 'Ω', cord: true },
  { name: 'equipment_leakage_ua', measurement: 'equipment_leakage', unit: 'µA' },
  { name: 'applied_part_leakage_ua', measurement: 'applied_part_leakage', unit: 'µA' },
  { name: 'insulation_mohm', measurement: 'insulation', unit: 'MΩ', optional: true },
  { name: 'insulation_min_mohm', measurement: 'insulation_min', unit: 'MΩ', optional: true },
];

export default {
  title: 'inspect.title',
  async render(main, { id }) {
    const device = await get(`/devices/${id}`);
    const model = device.model || {};
    const visual = h('input', { type: 'checkbox', id: 'i-visual', name: 'visual_ok' });
    const functional = h('input', { type: 'checkbox', id: 'i-functional', name: 'functional_ok' });
    const cord = h('input', { type: 'checkbox', id: 'i-cord', name: 'detachable_cord' });
    const method = h('select', { id: 'i-method', name: 'method' }, ['direct', 'differential', 'alternative'].map((m) =>
      h('option', { value: m, text: t(`inspect.method_${m}`) })));
    const inputs = {};
    const verdicts = {};
    const rows = {};
    for (const r of readings) {
      inputs[r.name] = h('input', { id: `i-${r.name}`, name: r.name, inputmode: 'decimal', autocomplete: 'off' });
      verdicts[r.name] = h('span', { class: 'verdict', id: `v-${r.name}`, 'aria-live': 'polite' });
      rows[r.name] = h('div', { class: 'reading' }, field(`${t(`inspect.${r.name}`)} (${r.unit})`, inputs[r.name]), verdicts[r.name]);
    }
    // The tester is the signed-in user; the instrument comes from the unit's register, with its calibration.
    // Those in calibration come first; one out of calibration is marked (the server refuses an inspection with it).
    const instruments = (await get('/instruments')).sort((a, b) => Number(b.in_calibration) - Number(a.in_calibration));
    const instrument = h('select', { id: 'i-instrument', name: 'instrument' }, instruments.map((x) => h('option', {
      value: x.identity, 'data-calibrated': String(x.in_calibration),
      text: t(x.in_calibration ? 'inspect.instrument_option' : 'inspect.instrument_option_expired',
        { identity: x.identity, until: formatDate(x.calibration_expires_on) }) })));
    const notes = h('textarea', { id: 'i-notes', name: 'notes', rows: 2 });
    const overall = h('p', { id: 'i-overall', class: 'state', 'aria-live': 'polite' });
    const failures = h('ul', { id: 'i-failures' });
    const result = h('div', { id: 'i-result', role: 'status' });
    const save = h('button', { type: 'submit', class: 'primary', id: 'i-save', text: t('inspect.save') });
    const form = h('form', { class: 'card', novalidate: true },
      h('p', { text: t('inspect.device', { tag: device.asset_tag, model: model.name || '', class: model.protection_class, part: model.applied_part }) }),
      h('div', { class: 'check' }, visual, h('label', { for: 'i-visual', text: t('inspect.visual_ok') })),
      h('div', { class: 'check' }, cord, h('label', { for: 'i-cord', text: t('inspect.detachable_cord') })),
      field(t('inspect.method'), method),
      h('div', { class: 'readings' }, readings.map((r) => rows[r.name])),
      h('div', { class: 'check' }, functional, h('label', { for: 'i-functional', text: t('inspect.functional_ok') })),
      h('p', { text: t('inspect.tester_is', { user: session.user().username }) }),
      field(t('inspect.instrument'), instrument, t('inspect.instrument_hint')),
      h('p', {}, h('a', { href: '#/instruments', id: 'i-register', text: t('inspect.instrument_register') })), field(t('inspect.notes'), notes),
      overall, failures, save, result);
    main.append(h('h1', { text: t('inspect.title') }), form);

    let limits = [];
    let pending = 0;
    function body() {
      const b = { visual_ok: visual.checked, functional_ok: functional.checked, method: method.value, detachable_cord: cord.checked };
      for (const r of readings) {
        const text = inputs[r.name].value.trim().replace(',', '.');
        if (text !== '' && !Number.isNaN(Number(text))) b[r.name] = Number(text);
      }
      return b;
    }
    function showLimits() {
      const applies = new Set(limits.map((l) => l.measurement));
      for (const r of readings) {
        const limit = limits.find((l) => l.measurement === r.measurement);
        rows[r.name].hidden = !(applies.has(r.measurement) || r.optional);
        if (!rows[r.name].hidden && !inputs[r.name].value) {
          verdicts[r.name].textContent = limit ? t('inspect.limit', { limit: formatNumber(limit.limit, 3), unit: limit.unit }) : '';
          verdicts[r.name].className = 'verdict';
        }
      }
    }
    async function preview() {
      const mine = ++pending;
      const answer = await post(`/devices/${id}/inspections/preview`, body());
      if (mine !== pending) return;
      limits = answer.limits;
      showLimits();
      for (const r of readings) {
        const check = answer.checks.find((c) => c.measurement === r.measurement);
        if (!check || !inputs[r.name].value) continue;
        verdicts[r.name].textContent = t(check.passed ? 'inspect.pass_at' : 'inspect.fail_at',
          { limit: formatNumber(check.limit, 3), unit: check.unit });
        verdicts[r.name].className = `verdict ${check.passed ? 'pass' : 'fail'}`;
        verdicts[r.name].dataset.verdict = check.passed ? 'pass' : 'fail';
      }
      overall.textContent = answer.passed ? t('inspect.would_pass') : t('inspect.would_fail');
      overall.className = `state ${answer.passed ? 'pass' : 'fail'}`;
      clear(failures);
      for (const f of answer.failures) failures.append(h('li', { class: 'fail', text: `${problemText(f)} ${ruleText(f)}` }));
    }
    form.addEventListener('input', () => preview());
    form.addEventListener('change', () => preview());
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      clear(result);
      const b = { ...body(), instrument: instrument.value, notes: notes.value.trim() || undefined };
      save.disabled = true;
      try {
        const saved = await post(`/devices/${id}/inspections`, b);
        result.append(h('p', { class: saved.passed ? 'ok-text' : 'error', id: 'i-saved', 'data-passed': String(saved.passed),
          text: saved.passed ? t('inspect.saved_pass', { due: saved.next_due ? formatDate(saved.next_due) : '' })
            : saved.service_order ? t('inspect.saved_fail_service', { id: saved.service_order.id }) : t('inspect.saved_fail') }),
        h('a', { href: `#/devices/${id}`, text: t('inspect.see_history') }));
      } catch (err) {
        if (!(err instanceof ApiProblem)) throw err;
        result.append(h('p', { class: 'error', role: 'alert', text: `${problemText(err.body)} ${ruleText(err.body)}` }));
      } finally {
        save.disabled = false;
      }
    });
    await preview();
  },
};
