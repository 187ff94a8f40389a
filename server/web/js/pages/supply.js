// Standing supply: what must be sent this week (standing orders of delivered cases due by Sunday,
// overdue first). "Make the order" creates the order for the next delivery; once made, the row links
// to its picking. Standing orders are added on the case page.
import { h, clear } from '../dom.js';
import { t, formatDate } from '../i18n.js';
import { get, post } from '../api.js';
import * as session from '../session.js';
import { attemptInto } from '../parts/refusal_box.js';

export default {
  title: 'supply.title',
  async render(main) {
    const mayOrder = session.hasRole('warehouse', 'caseworker', 'manager', 'admin');
    const caseLinks = session.hasRole('caseworker', 'manager', 'admin');
    const out = h('div', { id: 'supply-out', 'aria-live': 'polite' });
    const body = h('tbody');
    const cols = [t('supply.case'), t('consumables.item'), t('consumables.quantity'), t('supply.interval'), t('supply.next_due'), t('supply.order')];
    main.append(h('h1', { text: t('supply.title') }), h('p', { class: 'hint', text: t('supply.hint') }), out,
      h('div', { class: 'table-wrap', tabindex: 0 }, h('table', { id: 'due-table' },
        h('caption', { class: 'visually-hidden', text: t('supply.title') }),
        h('thead', {}, h('tr', {}, cols.map((c) => h('th', { scope: 'col', text: c })))), body)));

    async function load() {
      const due = await get('/standing-orders/due');
      clear(body);
      if (!due.length) body.append(h('tr', {}, h('td', { colspan: cols.length, text: t('supply.none') })));
      for (const s of due) {
        const order = s.open_order_id
          ? h('a', { href: `#/consumable-orders/${s.open_order_id}`, class: 'open-order', text: t('supply.open_order', { id: s.open_order_id }) })
          : mayOrder ? h('button', { type: 'button', class: 'primary make-order', 'aria-label': t('supply.make_order_of', { case: s.case_number, item: s.item_name }),
            text: t('supply.make_order'), onclick: async () => {
              const done = await attemptInto(out, () => post(`/standing-orders/${s.id}/orders`, {}));
              if (done) { await load(); out.append(h('p', { class: 'ok-text', id: 'supply-ordered', text: t('supply.ordered', { id: done.id, case: s.case_number }) })); }
            } }) : '';
        body.append(h('tr', { 'data-standing': s.id, 'data-overdue': String(s.overdue), class: s.overdue ? 'overdue' : '' },
          h('td', {}, caseLinks ? h('a', { href: `#/cases/${s.case_id}`, text: s.case_number }) : s.case_number),
          h('td', { text: s.item_name }), h('td', { text: s.quantity }),
          h('td', { text: t('supply.every_days', { n: s.interval_days }) }),
          h('td', {}, formatDate(s.next_due), s.overdue ? h('strong', { class: 'fail', text: ` ${t('supply.overdue')}` }) : null),
          h('td', {}, order)));
      }
    }
    await load();
  },
};
