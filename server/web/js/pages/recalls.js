// Field safety notices (FSN) of the unit with their progress (done n of m) and status; a manager or admin
// registers one as the manufacturer issued it: reference, date, action, the text for the user, the GTIN
// (UDI-DI) and what it covers (every serial, a serial range, a list of serials, or a list of lots).
import { h, field } from '../dom.js';
import { t, formatDate } from '../i18n.js';
import { get, post, query } from '../api.js';
import { pagedTable } from '../parts/paged_table.js';
import * as session from '../session.js';
import { attemptInto } from '../parts/refusal_box.js';

export const actions = ['inspect', 'modify', 'replace', 'stop_using', 'return'];
const coverages = ['all_serials', 'serial_range', 'serial_list', 'lot_list'];

export function progressText(n) {
  return n.status === 'closed' ? t('recall.closed_progress', { done: n.progress.done, total: n.progress.total })
    : t('recall.progress', { done: n.progress.done, total: n.progress.total });
}

export default {
  title: 'recalls.title',
  async render(main) {
    const out = h('div', { id: 'recalls-out', 'aria-live': 'polite' });
    const table = pagedTable({
      id: 'recalls-table',
      caption: t('recalls.title'),
      columns: [
        { title: t('recall.reference'), cell: (n) => h('a', { href: `#/recalls/${n.id}`, 'data-recall': n.id, text: n.reference }) },
        { title: t('recall.issued_on'), cell: (n) => formatDate(n.issued_on) },
        { title: t('recall.action'), cell: (n) => t(`recall.action_${n.action}`) },
        { title: 'GTIN', cell: (n) => n.gtin },
        { title: t('recall.coverage'), cell: (n) => t(`recall.coverage_${n.coverage}`) },
        { title: t('recall.progress_col'), cell: (n) => [h('progress', { max: Math.max(1, n.progress.total), value: n.progress.done, 'aria-label': progressText(n) }), ' ', progressText(n)] },
        { title: t('recall.status'), cell: (n) => h('span', { class: `pill ${n.status === 'closed' ? 'pass' : 'warn'}`, 'data-status': n.status, text: t(`recall.status_${n.status}`) }) },
      ],
      fetchPage: (cursor, limit) => get(`/recalls${query({ limit, cursor })}`),
    });
    main.append(h('h1', { text: t('recalls.title') }), h('p', { class: 'hint', text: t('recalls.hint') }), out, table.element);
    const load = () => table.reload();

    if (session.hasRole('manager', 'admin')) {
      const reference = h('input', { id: 'rc-reference', autocomplete: 'off' });
      const issued = h('input', { id: 'rc-issued', type: 'date', value: new Date().toISOString().slice(0, 10) });
      const action = h('select', { id: 'rc-action' }, actions.map((a) => h('option', { value: a, text: t(`recall.action_${a}`) })));
      const text = h('textarea', { id: 'rc-text', rows: 3 });
      const gtin = h('input', { id: 'rc-gtin', inputmode: 'numeric', autocomplete: 'off' });
      const coverage = h('select', { id: 'rc-coverage' }, coverages.map((c) => h('option', { value: c, text: t(`recall.coverage_${c}`) })));
      const from = h('input', { id: 'rc-from', autocomplete: 'off' });
      const to = h('input', { id: 'rc-to', autocomplete: 'off' });
      const list = h('textarea', { id: 'rc-list', rows: 3 });
      const range = h('div', { class: 'filters' }, field(t('recall.serial_from'), from), field(t('recall.serial_to'), to));
      const listField = field(t('recall.list'), list, t('recall.list_hint'));
      const showCoverage = () => { range.hidden = coverage.value !== 'serial_range'; listField.hidden = !['serial_list', 'lot_list'].includes(coverage.value); };
      coverage.addEventListener('change', showCoverage);
      showCoverage();
      const form = h('form', { class: 'card', id: 'recall-form', novalidate: true, 'aria-labelledby': 'rc-h' },
        h('h2', { id: 'rc-h', text: t('recalls.register') }), h('p', { class: 'hint', text: t('recalls.register_hint') }),
        h('div', { class: 'filters' }, field(t('recall.reference'), reference), field(t('recall.issued_on'), issued), field(t('recall.action'), action)),
        field(t('recall.user_text'), text), h('div', { class: 'filters' }, field('GTIN (UDI-DI)', gtin), field(t('recall.coverage'), coverage)),
        range, listField, h('button', { type: 'submit', class: 'primary', id: 'rc-submit', text: t('recalls.register_submit') }));
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        const items = list.value.split(/[\s,;]+/).map((x) => x.trim()).filter(Boolean);
        const body = { reference: reference.value.trim(), issued_on: issued.value, action: action.value, user_text: text.value.trim(),
          gtin: gtin.value.trim(), coverage: coverage.value };
        if (coverage.value === 'serial_range') { body.serial_from = from.value.trim(); body.serial_to = to.value.trim(); }
        if (coverage.value === 'serial_list') body.serials = items;
        if (coverage.value === 'lot_list') body.lots = items;
        const done = await attemptInto(out, () => post('/recalls', body));
        if (done) location.hash = `#/recalls/${done.id}`;
      });
      main.append(form);
    }
    await load();
  },
};
