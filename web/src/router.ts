// Routes live in the URL hash so that no page path can shadow an API path of the same service.
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  name: 'new' | 'upload' | 'dossier' | 'review' | 'lookup' | 'home';
  id?: string;
  query: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const query = new URLSearchParams(search);
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'new') return { name: 'new', query };
  if (parts[0] === 'dossiers' && parts[1]) {
    return { name: parts[2] === 'upload' ? 'upload' : 'dossier', id: parts[1], query };
  }
  if (parts[0] === 'review') return { name: 'review', query };
  if (parts[0] === 'lookup') return { name: 'lookup', query };
  return { name: 'home', query };
}

export function useRoute(): Route {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = () => setHash(location.hash);
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  return parseRoute(hash);
}

export function go(hash: string): void {
  location.hash = hash;
}
