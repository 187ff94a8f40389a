// The page table: hash path → page module, with the roles that may open it and its menu key.
// The server checks every call again; this table only keeps a role's menu to its own work.
const all = ['warehouse', 'technician', 'caseworker', 'manager', 'admin'];
const scanning = ['warehouse', 'technician', 'manager', 'admin'];
const technical = ['technician', 'manager', 'admin'];
const casework = ['caseworker', 'manager', 'admin'];
const managing = ['manager', 'admin'];
const delivering = ['warehouse', 'caseworker', 'manager', 'admin'];

export const routes = [
  { path: '/scan', menu: 'nav.scan', roles: scanning, load: () => import('./pages/scan_station.js') },
  { path: '/stock', menu: 'nav.stock', roles: all, load: () => import('./pages/stock.js') },
  { path: '/consumables', menu: 'nav.consumables', roles: all, load: () => import('./pages/consumables.js') },
  { path: '/consumable-orders/:id', roles: delivering, load: () => import('./pages/consumable_order.js') },
  { path: '/supply', menu: 'nav.supply', roles: delivering, load: () => import('./pages/supply.js') },
  { path: '/reorder', menu: 'nav.reorder', roles: ['warehouse', 'manager', 'admin'], load: () => import('./pages/reorder.js') },
  { path: '/recalls', menu: 'nav.recalls', roles: all, load: () => import('./pages/recalls.js') },
  { path: '/recalls/:id', roles: all, load: () => import('./pages/recall.js') },
  { path: '/pickups', menu: 'nav.pickups', roles: ['warehouse', 'manager', 'admin'], load: () => import('./pages/pickups.js') },
  { path: '/inspections', menu: 'nav.inspections', roles: technical, load: () => import('./pages/inspections_due.js') },
  { path: '/inspect/:id', roles: technical, load: () => import('./pages/inspection_form.js') },
  { path: '/service', menu: 'nav.service', roles: technical, load: () => import('./pages/service_orders.js') },
  { path: '/instruments', menu: 'nav.instruments', roles: technical, load: () => import('./pages/instruments.js') },
  { path: '/cases', menu: 'nav.cases', roles: casework, load: () => import('./pages/cases.js') },
  { path: '/cases/new', menu: 'nav.new_case', roles: casework, load: () => import('./pages/case_new.js') },
  { path: '/cases/:id', roles: casework, load: () => import('./pages/case_detail.js') },
  { path: '/cases/:id/exchange', roles: delivering, load: () => import('./pages/exchange.js') },
  { path: '/collection-gaps', menu: 'nav.gaps', roles: casework, load: () => import('./pages/collection_gaps.js') },
  { path: '/transfers', menu: 'nav.transfers', roles: delivering, load: () => import('./pages/transfers.js') },
  { path: '/dashboard', menu: 'nav.dashboard', roles: managing, load: () => import('./pages/dashboard.js') },
  { path: '/dashboard/:list', roles: managing, load: () => import('./pages/dashboard_list.js') },
  { path: '/report', menu: 'nav.report', roles: managing, load: () => import('./pages/annual_report.js') },
  { path: '/devices/:id', roles: all, load: () => import('./pages/device_history.js') },
  { path: '/admin/users', menu: 'nav.users', roles: ['admin'], load: () => import('./pages/admin_users.js') },
  { path: '/admin/stations', menu: 'nav.stations', roles: ['admin'], load: () => import('./pages/admin_stations.js') },
];

export const home = {
  warehouse: '/scan', technician: '/inspections', caseworker: '/cases', manager: '/dashboard', admin: '/admin/users',
};

// The route for a path, with its :params filled; null when none matches.
export function match(path) {
  const parts = path.split('/').filter(Boolean);
  for (const route of routes) {
    const want = route.path.split('/').filter(Boolean);
    if (want.length !== parts.length) continue;
    const params = {};
    let ok = true;
    for (let i = 0; i < want.length && ok; i++) {
      if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(parts[i]);
      else ok = want[i] === parts[i];
    }
    if (ok) return { route, params };
  }
  return null;
}
