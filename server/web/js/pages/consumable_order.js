// One consumable order for a case: its lines with price and payer, the server's first-expiry-first-out
// proposal, and the picks. The warehouse picks the proposal (FEFO) or a chosen lot; a lot that may not
// be issued (expired, recalled, on hold, quarantined) is refused with its reason. A picked order goes
// out with the device's delivery, or after it from here.
import { h, field, clear } from '../dom.js';
import { t, formatDate, formatDateTime, formatNumber } from '../i18n.js';
import { get, post, query } from '../api.js';
import * as session from '../session.js';
import { attemptInto } from '../parts/refusal_box.js';
import { lotStatusPill } from './consumables.js';

export const kroner = (ore) => `kr ${formatNumber(ore / 100, 2)}`;

export default {
  title: 'order.title',
  async render(main, { id }) {
    const mayPick = session.hasRole('warehouse', 'manager', 'admin');
    const mayDeliver = session.hasRole('warehouse', 'caseworker', 'manager', 'admin');
    const out = h('div', { id: 'order-out', 'aria-live': 'polite' });
    const content = h('div');
    main.append(h('h1', { text: t('order.heading', { id }) }), out, content);

    async function load() {
      const order = await get(`/consumable-orders/${id}`);
      const lots = mayPick && order.status === 'open' ? await get(`/consumables/stock${query({ warehouse_id: order.warehouse_id })}`) : [];
      clear(content);
      content.append(h('p', {}, h('span', { class: 'pill', id: 'order-status', 'data-status': order.status, text: t(`order.status_${order.status}`) }),
        ' ', session.hasRole('caseworker', 'manager', 'admin') ? h('a', { href: `#/cases/${order.case_id}`, text: t('order.case_link') }) : null,
        ' ', t('order.created', { at: formatDateTime(order.created_at) }),
        order.delivered_at ? ` · ${t('order.delivered_at', { at: formatDateTime(order.delivered_at) })}` : ''));
      for (const line of order.lines) {
        const section = h('section', { class: 'card', 'data-line': line.id, 'aria-labelledby': `line-${line.id}-h` },
          h('h2', { id: `line-${line.id}-h`, text: `${line.name} × ${line.quantity}` }),
          h('p', { class: 'hint', text: `GTIN ${line.gtin} · ${kroner(line.cost_ore)} · ${t(`payer.${line.payer}`)} · ${t('order.picked_n', { n: line.picked, of: line.quantity })}` }));
        if (line.picks.length) {
          section.append(h('h3', { text: t('order.picks') }),
            h('ul', { class: 'picks' }, line.picks.map((p) => h('li', { 'data-lot': p.lot, text: t('order.pick_line', { lot: p.lot, n: p.quantity }) }))));
        }
        if (line.proposed_picks && line.picked < line.quantity) {
          section.append(h('div', {}, h('h3', { text: t('order.proposal') }),
            line.proposed_picks.length ? h('ol', { class: 'proposal', id: `proposal-${line.id}` }, line.proposed_picks.map((p) => h('li', { 'data-lot': p.lot,
              text: t('order.proposal_line', { lot: p.lot, n: p.quantity, expiry: formatDate(p.expiry) }) }))) : null,
            line.short_by ? h('p', { class: 'error', text: t('order.short_by', { n: line.short_by }) }) : null));
          if (mayPick) {
            const own = lots.filter((l) => l.item_id === line.item_id);
            const lot = h('select', { id: `pick-lot-${line.id}` }, own.map((l) => h('option', { value: l.id,
              text: `${l.lot} · ${formatDate(l.expiry)} · ${l.quantity} · ${t(`lot.status_${l.effective_status}`)}` })));
            const n = h('input', { id: `pick-n-${line.id}`, type: 'number', min: 1, max: line.quantity - line.picked, value: line.quantity - line.picked });
            const form = h('form', { class: 'row', novalidate: true }, field(t('order.choose_lot'), lot), field(t('consumables.quantity'), n),
              h('button', { type: 'submit', id: `pick-lot-submit-${line.id}`, text: t('order.pick_lot') }));
            form.addEventListener('submit', async (e) => {
              e.preventDefault();
              if (await attemptInto(out, () => post(`/consumable-orders/${id}/picks`, { lot_id: Number(lot.value), quantity: Number(n.value) }))) await load();
            });
            section.append(form);
          }
        }
        content.append(section);
      }
      content.append(h('p', { id: 'order-cost', text: t('order.cost', { cost: kroner(order.cost_ore) }) }));
      const actions = h('div', { class: 'row' });
      if (mayPick && order.status === 'open') {
        actions.append(h('button', { type: 'button', class: 'primary', id: 'pick-fefo', text: t('order.pick_fefo'), onclick: async () => {
          if (await attemptInto(out, () => post(`/consumable-orders/${id}/picks`, { fefo: true }))) { await load(); out.append(h('p', { class: 'ok-text', text: t('order.picked_ok') })); }
        } }));
      }
      if (mayDeliver && order.status === 'picked') {
        actions.append(h('button', { type: 'button', class: 'primary', id: 'order-deliver', text: t('order.deliver'), onclick: async () => {
          if (await attemptInto(out, () => post(`/consumable-orders/${id}/delivery`, {}))) { await load(); out.append(h('p', { class: 'ok-text', id: 'order-delivered', text: t('order.delivered_ok') })); }
        } }));
        content.append(h('p', { class: 'hint', text: t('order.deliver_hint') }));
      }
      content.append(actions);
      if (lots.length) {
        content.append(h('details', {}, h('summary', { text: t('order.lots_here') }),
          h('ul', {}, lots.map((l) => h('li', {}, `${l.name} · ${l.lot} · ${formatDate(l.expiry)} · ${l.quantity} `, lotStatusPill(l))))));
      }
    }
    await load();
  },
};
