// Hash routes keep the app a static bundle that works from any origin or custom scheme.
export type Route = { name: 'home' } | { name: 'model'; id: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/model\/([0-9a-f-]{36})$/i.exec(hash);
  return match ? { name: 'model', id: match[1]! } : { name: 'home' };
}

export class Router {
  route = $state<Route>(parseRoute(location.hash));

  constructor() {
    window.addEventListener('hashchange', () => (this.route = parseRoute(location.hash)));
  }

  openModel(id: string) {
    location.hash = `#/model/${id}`;
  }

  home() {
    location.hash = '#/';
  }
}
