// Stock: every device of the unit with its shelf and state, filtered by state and category, paged
// through the server's cursor; each row opens the device's history and its label (PNG, SVG, ZPL).
import { h, field } from '../dom.js';
import { t, formatDate } from '../i18n.js';
import { get, query } from '../api.js';
import { pagedTable } from '../parts/paged_table.js';
import { stateText, deviceLink, categoryName } from '../parts/labels.js';

const states = ['received', 'available', 'reserved', 'on_loan', 'returned', 'in_service', 'lost', 'retired'];

export default {
  title: 'stock.title',
  async render(main) {
    const categories = await get('/categories');
    const stateSelect = h('select', { id: 'stock-state' }, h('option', { value: '', text: t('stock.all_states') }),
      states.map((s) => h('option', { value: s, text: stateText(s) })));
    const categorySelect = h('select', { id: 'stock-category' }, h('option', { value: '', text: t('stock.all_categories') }),
      categories.map((c) => h('option', { value: c.code, text: categoryName(categories, c.code) })));
    const table = pagedTable({
      id: 'stock-table',
      caption: t('stock.title'),
      columns: [
        { title: t('device.asset_tag'), cell: (d) => deviceLink(d) },
        { title: t('device.model'), cell: (d) => (d.model ? d.model.name : '') },
        { title: t('device.category'), cell: (d) => (d.model ? categoryName(categories, d.model.category) : '') },
        { title: t('device.state'), cell: (d) => stateText(d.state) },
        { title: t('device.location'), cell: (d) => d.location || '' },
        { title: t('device.inspection_due'), cell: (d) => (d.inspection_due ? formatDate(d.inspection_due) : '') },
        { title: t('device.label'), cell: (d) => h('span', { class: 'row' }, ['png', 'svg', 'zpl'].map((f) =>
          h('a', { href: `/api/v1/devices/${d.id}/label.${f}`, download: `${d.asset_tag}.${f}`,
            'aria-label': t('device.label_as', { tag: d.asset_tag, format: f.toUpperCase() }), text: f.toUpperCase() }))) },
      ],
      fetchPage: (cursor, limit) => get(`/devices${query({ state: stateSelect.value, category: categorySelect.value, limit, cursor })}`),
    });
    stateSelect.addEventListener('change', () => table.reload());
    categorySelect.addEventListener('change', () => table.reload());
    main.append(h('h1', { text: t('stock.title') }),
      h('div', { class: 'filters' }, field(t('device.state'), stateSelect), field(t('device.category'), categorySelect)),
      table.element);
    await table.reload();
  },
};
