// What the page remembers on the phone (localStorage): language, filters, favourites (with what lists them offline).

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

/**
 * A starred station as the phone keeps it: enough to list it with no connection (its live state comes from the API).
 * Stars saved before the list existed are bare ids; they get their name and place when the list next loads them.
 */
export interface SavedStation {
  id: number;
  name?: string;
  kind?: string;
  lat?: number;
  lon?: number;
}

const isSaved = (value: unknown): value is SavedStation =>
  typeof value === 'object' && value !== null && typeof (value as SavedStation).id === 'number';

/** The starred stations, most recently starred first. */
export function loadFavourites(): SavedStation[] {
  const saved = read<unknown>(KEYS.favourites, []);
  return Array.isArray(saved) ? saved.map((entry) => (typeof entry === 'number' ? { id: entry } : entry)).filter(isSaved) : [];
}

export const saveFavourites = (stations: readonly SavedStation[]) => write(KEYS.favourites, stations);
