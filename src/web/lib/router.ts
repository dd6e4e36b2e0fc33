import { useEffect, useState } from 'react';

/** The route is the part of the address after '#', so no page path ever meets an API route. */
function current(): string[] {
  const hash = window.location.hash.replace(/^#\/?/, '');
  return hash.split('?')[0]!.split('/').filter(Boolean).map(decodeURIComponent);
}

/** The current route's segments (`#/works/W1` → ['works', 'W1']), updated on navigation. */
export function useRoute(): string[] {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = () => setRoute(current());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

/** The address of a route from its segments. */
export function href(...segments: string[]): string {
  return `#/${segments.map(encodeURIComponent).join('/')}`;
}
