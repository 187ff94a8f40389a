// The reorder list per warehouse: items below their minimum, what is on hand (issuable stock only) and
// how many to order up to the maximum, with the cost. The warehouse sets an item's minimum and maximum.
import { h, field, clear } from '../dom.js';
import { t, formatNumber } from '../i18n.js';
import { get, put } from '../api.js';
import { attemptInto } from '../parts/refusal_box.js';
import { kroner } from './consumable_order.js';

export default {
  title: 'reorder.title',
  async render(main) {
    const [items, warehouses] = await Promise.all([get('/consumables'), get('/warehouses')]);
    const out = h('div', { id: 'reorder-out', 'aria-live': 'polite' });
    const list = h('div', { id: 'reorder-list' });
    main.append(h('h1', { text: t('reorder.title') }), h('p', { class: 'hint', text: t('reorder.hint') }), out, list);

    async function load() {
      const rows = await get('/consumables/reorder');
      clear(list);
      if (!rows.length) { list.append(h('p', { id: 'reorder-none', text: t('reorder.none') })); return; }
      const byWarehouse = new Map();
      for (const r of rows) { if (!byWarehouse.has(r.warehouse)) byWarehouse.set(r.warehouse, []); byWarehouse.get(r.warehouse).push(r); }
      const cols = [t('consumables.item'), 'GTIN', t('reorder.on_hand'), t('reorder.minimum'), t('reorder.maximum'), t('reorder.order_quantity'), t('reorder.cost')];
      for (const [name, group] of byWarehouse) {
        list.append(h('section', { class: 'card', 'aria-label': t('reorder.in_warehouse', { name }) }, h('h2', { text: t('reorder.in_warehouse', { name }) }),
          h('div', { class: 'table-wrap', tabindex: 0 }, h('table', { class: 'reorder-table' },
            h('caption', { class: 'visually-hidden', text: t('reorder.in_warehouse', { name }) }),
            h('thead', {}, h('tr', {}, cols.map((c) => h('th', { scope: 'col', text: c })))),
            h('tbody', {}, group.map((r) => h('tr', { 'data-item': r.item_id, 'data-warehouse': r.warehouse_id },
              h('td', { text: r.name }), h('td', { text: r.gtin }), h('td', { text: formatNumber(r.on_hand) }), h('td', { text: r.minimum }),
              h('td', { text: r.maximum }), h('td', {}, h('strong', { text: formatNumber(r.order_quantity) })), h('td', { text: kroner(r.cost_ore) }))))))));
      }
    }

    const warehouse = h('select', { id: 'lvl-warehouse' }, warehouses.map((w) => h('option', { value: w.id, text: w.name })));
    const item = h('select', { id: 'lvl-item' }, items.map((i) => h('option', { value: i.id, text: i.name })));
    const minimum = h('input', { id: 'lvl-min', type: 'number', min: 0, max: 100000 });
    const maximum = h('input', { id: 'lvl-max', type: 'number', min: 1, max: 100000 });
    const form = h('form', { class: 'card', id: 'level-form', novalidate: true, 'aria-labelledby': 'level-h' },
      h('h2', { id: 'level-h', text: t('reorder.set_levels') }),
      h('div', { class: 'filters' }, field(t('consumables.warehouse'), warehouse), field(t('consumables.item'), item),
        field(t('reorder.minimum'), minimum), field(t('reorder.maximum'), maximum),
        h('div', { class: 'field' }, h('button', { type: 'submit', class: 'primary', id: 'lvl-submit', text: t('reorder.save_levels') }))));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const done = await attemptInto(out, () => put(`/warehouses/${warehouse.value}/stock-levels`, { item_id: Number(item.value),
        minimum: Number(minimum.value), maximum: Number(maximum.value) }));
      if (done) { await load(); out.append(h('p', { class: 'ok-text', id: 'levels-saved', text: t('reorder.levels_saved', { min: done.minimum, max: done.maximum }) })); }
    });
    main.append(form);
    await load();
  },
};
