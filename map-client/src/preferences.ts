// What the page remembers on the phone (localStorage): language, filters, favourites.

import { isLang, type Lang } from './i18n';

export interface Filters {
  kinds: string[];
  amenities: string[];
  openNow: boolean;
}

const KEYS = { lang: 'stationmap.lang', filters: 'stationmap.filters', favourites: 'stationmap.favourites' } as const;

function read<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key);
    return raw === null ? fallback : (JSON.parse(raw) as T);
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or a full quota: the page still works, it just forgets.
  }
}

export function loadLang(): Lang {
  const saved = read<unknown>(KEYS.lang, null);
  return isLang(saved) ? saved : 'zh-CN';
}

export const saveLang = (lang: Lang) => write(KEYS.lang, lang);

export function loadFilters(): Filters {
  const f = read<Partial<Filters>>(KEYS.filters, {});
  return {
    kinds: Array.isArray(f.kinds) ? f.kinds.filter((k) => typeof k === 'string') : [],
    amenities: Array.isArray(f.amenities) ? f.amenities.filter((a) => typeof a === 'string') : [],
    openNow: f.openNow === true,
  };
}

export const saveFilters = (filters: Filters) => write(KEYS.filters, filters);

export const loadFavourites = (): Set<number> =>
  new Set(read<unknown[]>(KEYS.favourites, []).filter((id): id is number => typeof id === 'number'));

export const saveFavourites = (ids: ReadonlySet<number>) => write(KEYS.favourites, [...ids]);
