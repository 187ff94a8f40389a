// The caseworker's case list, by status, paged through the server's cursor. Lists carry the case
// number and category, never the patient's identity.
import { h, field } from '../dom.js';
import { t, formatDate } from '../i18n.js';
import { get, query } from '../api.js';
import { pagedTable } from '../parts/paged_table.js';
import { categoryName } from '../parts/labels.js';

export const statuses = ['applied', 'approved', 'rejected', 'delivered', 'closed'];

export default {
  title: 'cases.title',
  async render(main) {
    const categories = await get('/categories');
    const status = h('select', { id: 'cases-status' }, h('option', { value: '', text: t('cases.all') }),
      statuses.map((s) => h('option', { value: s, text: t(`case.status_${s}`) })));
    const table = pagedTable({
      id: 'cases-table', caption: t('cases.title'),
      columns: [
        { title: t('case.number'), cell: (c) => h('a', { href: `#/cases/${c.id}`, text: c.number }) },
        { title: t('case.status'), cell: (c) => t(`case.status_${c.status}`) },
        { title: t('case.category'), cell: (c) => categoryName(categories, c.category) },
        { title: t('case.applied'), cell: (c) => formatDate(c.applied_at) },
        { title: t('case.requester'), cell: (c) => t(`requester.${c.requester.role}`) },
      ],
      fetchPage: (cursor, limit) => get(`/cases${query({ status: status.value, limit, cursor })}`),
    });
    status.addEventListener('change', () => table.reload());
    main.append(h('h1', { text: t('cases.title') }), h('p', {}, h('a', { href: '#/cases/new', text: t('nav.new_case') })),
      h('div', { class: 'filters' }, field(t('case.status'), status)), table.element);
    await table.reload();
  },
};
