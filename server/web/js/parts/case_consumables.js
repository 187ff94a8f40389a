// The case page's consumables (rule 8): the case's orders with their state and a link to picking,
// a new order of the items that belong to the case's category (a municipality-paid item is refused by
// the server with rule 8's sentence), and the standing supply with its interval and next due date.
import { h, field, clear } from '../dom.js';
import { t, formatDate } from '../i18n.js';
import { get, post } from '../api.js';
import * as session from '../session.js';
import { attemptInto } from './refusal_box.js';

export async function consumablesSection(c) {
  const [items, orders, standing] = await Promise.all([get('/consumables'), get(`/cases/${c.id}/consumable-orders`), get(`/cases/${c.id}/standing-orders`)]);
  const ofCategory = items.filter((i) => (i.categories || []).includes(c.category));
  const nameOf = (id) => (items.find((i) => i.id === id) || {}).name || `#${id}`;
  const option = (i) => h('option', { value: i.id, 'data-payer': i.payer,
    text: `${i.name} · ${t(`payer.${i.payer}`)}` });
  const section = h('section', { class: 'card', id: 'case-consumables', 'aria-labelledby': 'consumables-h' },
    h('h2', { id: 'consumables-h', text: t('case.consumables') }), h('p', { class: 'hint', text: t('case.consumables_hint') }));
  const out = h('div', { id: 'case-consumables-out', 'aria-live': 'polite' });

  section.append(h('h3', { text: t('case.consumable_orders') }), orders.length
    ? h('ul', { id: 'case-orders' }, orders.map((o) => h('li', { 'data-order': o.id, 'data-status': o.status },
      h('a', { href: `#/consumable-orders/${o.id}`, text: t('case.order_link', { id: o.id }) }), ' · ',
      o.lines.map((l) => `${l.name} × ${l.quantity}`).join(', '), ' · ', t(`order.status_${o.status}`))))
    : h('p', { text: t('case.no_orders') }));

  if (session.hasRole('warehouse', 'caseworker', 'manager', 'admin')) {
    const item = h('select', { id: 'co-item' }, ofCategory.map(option));
    const quantity = h('input', { id: 'co-quantity', type: 'number', min: 1, max: 1000, value: '1' });
    const form = h('form', { class: 'row', novalidate: true, id: 'co-form' }, field(t('consumables.item'), item), field(t('consumables.quantity'), quantity),
      h('button', { type: 'submit', id: 'co-submit', text: t('case.order_submit') }));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const done = await attemptInto(out, () => post(`/cases/${c.id}/consumable-orders`, { lines: [{ item_id: Number(item.value), quantity: Number(quantity.value) }] }));
      if (done) location.hash = `#/consumable-orders/${done.id}`;
    });
    section.append(h('h3', { text: t('case.order_new') }), form);
  }

  section.append(h('h3', { text: t('case.standing') }), standing.length
    ? h('ul', { id: 'case-standing' }, standing.map((s) => h('li', { 'data-standing': s.id },
      t('case.standing_line', { item: nameOf(s.item_id), n: s.quantity, days: s.interval_days, next: formatDate(s.next_due) }))))
    : h('p', { text: t('case.no_standing') }));
  if (session.hasRole('caseworker', 'manager', 'admin')) {
    const item = h('select', { id: 'so-item' }, ofCategory.map(option));
    const quantity = h('input', { id: 'so-quantity', type: 'number', min: 1, max: 1000, value: '1' });
    const interval = h('input', { id: 'so-interval', type: 'number', min: 1, max: 730, value: '30' });
    const start = h('input', { id: 'so-start', type: 'date' });
    const form = h('form', { class: 'filters', novalidate: true, id: 'so-form' }, field(t('consumables.item'), item), field(t('consumables.quantity'), quantity),
      field(t('case.standing_interval'), interval), field(t('case.standing_start'), start),
      h('div', { class: 'field' }, h('button', { type: 'submit', id: 'so-submit', text: t('case.standing_add') })));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const done = await attemptInto(out, () => post(`/cases/${c.id}/standing-orders`, { item_id: Number(item.value), quantity: Number(quantity.value),
        interval_days: Number(interval.value), start_on: start.value || undefined }));
      if (done) {
        const fresh = await consumablesSection(c);
        section.replaceWith(fresh);
        fresh.querySelector('#case-consumables-out').append(h('p', { class: 'ok-text', id: 'standing-saved', text: t('case.standing_saved', { next: formatDate(done.next_due) }) }));
      }
    });
    section.append(form);
  }
  section.append(out, h('p', {}, h('a', { href: '#/supply', text: t('nav.supply') })));
  clear(out);
  return section;
}
