// Consumable stock by lot: warehouse, item, lot, expiry, quantity and status. A lot near its expiry
// (the server's `near_expiry`) is highlighted; expired, recalled, on-hold and quarantined lots are marked.
// The warehouse receives packs here (typed, or a scanned GS1 code) and changes a lot's status with a
// reason; only a manager or admin marks a lot recalled (the server checks it again).
import { h, field, clear } from '../dom.js';
import { t, formatDate, formatNumber } from '../i18n.js';
import { get, post, query } from '../api.js';
import * as session from '../session.js';
import { attemptInto } from '../parts/refusal_box.js';
import { parseGs1Pack } from '../parts/gs1_pack.js';
import { toWire } from '../scan/group_separator.js';

export const lotStatuses = ['available', 'on_hold', 'quarantined', 'recalled', 'expired'];
const pillClass = { available: 'pass', on_hold: 'warn', quarantined: 'warn', recalled: 'fail', expired: 'fail' };

export function lotStatusPill(lot) {
  const s = lot.effective_status || lot.status;
  return h('span', { class: `pill ${pillClass[s] || ''}`, 'data-status': s, text: t(`lot.status_${s}`) });
}

export default {
  title: 'consumables.title',
  async render(main) {
    const mayChange = session.hasRole('warehouse', 'manager', 'admin');
    const mayRecall = session.hasRole('manager', 'admin');
    const [items, warehouses] = await Promise.all([get('/consumables'), get('/warehouses')]);
    const warehouseName = (id) => (warehouses.find((w) => w.id === id) || {}).name || id;
    const out = h('div', { id: 'consumables-out', 'aria-live': 'polite' });
    const itemSelect = h('select', { id: 'lots-item' }, h('option', { value: '', text: t('consumables.all_items') }),
      items.map((i) => h('option', { value: i.id, text: i.name })));
    const statusSelect = h('select', { id: 'lots-status' }, h('option', { value: '', text: t('consumables.all_statuses') }),
      lotStatuses.map((s) => h('option', { value: s, text: t(`lot.status_${s}`) })),
      h('option', { value: 'near_expiry', text: t('consumables.near_expiry') }));
    const body = h('tbody');
    const cols = [t('consumables.warehouse'), t('consumables.item'), t('consumables.lot'), t('consumables.expiry'),
      t('consumables.quantity'), t('consumables.status'), mayChange ? t('consumables.change_status') : null].filter(Boolean);
    main.append(h('h1', { text: t('consumables.title') }),
      h('p', { class: 'hint' }, t('consumables.hint'), ' ',
        mayChange ? h('a', { href: '#/reorder', text: t('nav.reorder') }) : null, ' ',
        h('a', { href: '#/supply', text: t('nav.supply') })),
      out,
      h('div', { class: 'filters' }, field(t('consumables.item'), itemSelect), field(t('consumables.status'), statusSelect)),
      h('div', { class: 'table-wrap', tabindex: 0 }, h('table', { id: 'lots-table' },
        h('caption', { class: 'visually-hidden', text: t('consumables.title') }),
        h('thead', {}, h('tr', {}, cols.map((c) => h('th', { scope: 'col', text: c })))), body)));

    function statusForm(lot) {
      const choices = lotStatuses.filter((s) => s !== lot.status && (s !== 'recalled' || mayRecall));
      const to = h('select', { id: `lot-to-${lot.id}`, 'aria-label': t('consumables.new_status_of', { lot: lot.lot }) },
        choices.map((s) => h('option', { value: s, text: t(`lot.status_${s}`) })));
      const reason = h('input', { id: `lot-reason-${lot.id}`, autocomplete: 'off', 'aria-label': t('consumables.reason_of', { lot: lot.lot }),
        placeholder: t('consumables.reason') });
      const form = h('form', { class: 'row', novalidate: true }, to, reason,
        h('button', { type: 'submit', 'aria-label': t('consumables.set_status_of', { lot: lot.lot }), text: t('consumables.set_status') }));
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        const done = await attemptInto(out, () => post(`/consumables/lots/${lot.id}/status`, { status: to.value, reason: reason.value.trim() }));
        if (done) { await load(); out.append(h('p', { class: 'ok-text', id: 'lot-status-saved', text: t('consumables.status_saved', { lot: done.lot, status: t(`lot.status_${done.status}`) }) })); }
      });
      return form;
    }

    async function load() {
      const lots = await get(`/consumables/stock${query({ item_id: itemSelect.value })}`);
      const wanted = statusSelect.value;
      const shown = lots.filter((l) => !wanted || (wanted === 'near_expiry' ? l.near_expiry && l.effective_status === 'available'
        : l.effective_status === wanted));
      shown.sort((a, b) => a.name.localeCompare(b.name) || a.expiry.localeCompare(b.expiry));
      clear(body);
      if (!shown.length) body.append(h('tr', {}, h('td', { colspan: cols.length, text: t('list.empty') })));
      for (const l of shown) {
        const near = l.near_expiry && l.effective_status === 'available';
        const blocked = l.effective_status !== 'available';
        body.append(h('tr', { 'data-lot': l.lot, 'data-lot-id': l.id, 'data-status': l.effective_status,
          'data-near-expiry': String(Boolean(near)), class: near ? 'near-expiry' : blocked ? 'blocked' : '' },
          h('td', { text: warehouseName(l.warehouse_id) }),
          h('td', {}, l.name, h('br'), h('small', { class: 'hint', text: l.gtin })),
          h('td', { text: l.lot }),
          h('td', {}, formatDate(l.expiry), near ? h('strong', { class: 'near-text', text: ` ${t('consumables.near_expiry_mark')}` }) : null),
          h('td', { text: `${formatNumber(l.quantity)} ${l.unit_of_issue || ''}`.trim() }),
          h('td', {}, lotStatusPill(l), l.status_reason ? h('small', { class: 'hint', text: ` ${l.status_reason}` }) : null),
          mayChange ? h('td', {}, statusForm(l)) : null));
      }
    }

    if (session.hasRole('warehouse', 'manager', 'admin')) {
      const code = h('input', { id: 'rcv-code', autocomplete: 'off', spellcheck: 'false' });
      const gtin = h('input', { id: 'rcv-gtin', inputmode: 'numeric', autocomplete: 'off' });
      const lot = h('input', { id: 'rcv-lot', autocomplete: 'off' });
      const expiry = h('input', { id: 'rcv-expiry', type: 'date' });
      const quantity = h('input', { id: 'rcv-quantity', type: 'number', min: 1, max: 100000, value: '1' });
      const warehouse = h('select', { id: 'rcv-warehouse' }, warehouses.map((w) => h('option', { value: w.id, text: w.name })));
      code.addEventListener('change', () => {
        const pack = parseGs1Pack(toWire(code.value));
        if (pack.gtin) gtin.value = pack.gtin;
        if (pack.lot) lot.value = pack.lot;
        if (pack.expiry) expiry.value = pack.expiry;
      });
      code.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); code.dispatchEvent(new Event('change')); quantity.focus(); } });
      const form = h('form', { class: 'card', id: 'receive-form', novalidate: true, 'aria-labelledby': 'receive-h' },
        h('h2', { id: 'receive-h', text: t('consumables.receive') }), h('p', { class: 'hint', text: t('consumables.receive_hint') }),
        field(t('consumables.scanned_code'), code, t('consumables.scanned_code_hint')),
        h('div', { class: 'filters' }, field('GTIN', gtin), field(t('consumables.lot'), lot), field(t('consumables.expiry'), expiry),
          field(t('consumables.quantity'), quantity), warehouses.length > 1 ? field(t('consumables.warehouse'), warehouse) : null),
        h('button', { type: 'submit', class: 'primary', id: 'rcv-submit', text: t('consumables.receive_submit') }));
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        const done = await attemptInto(out, () => post('/consumables/receipts', { gtin: gtin.value.trim(), lot: lot.value.trim(),
          expiry: expiry.value, quantity: Number(quantity.value || 1), warehouse_id: warehouse.value ? Number(warehouse.value) : undefined }));
        if (done) {
          code.value = ''; gtin.value = ''; lot.value = ''; expiry.value = ''; quantity.value = '1';
          await load();
          out.append(h('p', { class: 'ok-text', id: 'receive-saved', text: t('consumables.received_ok', { lot: done.lot, quantity: done.quantity }) }));
        }
      });
      main.append(form);
    }
    itemSelect.addEventListener('change', load);
    statusSelect.addEventListener('change', load);
    await load();
  },
};
