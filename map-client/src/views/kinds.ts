// One colour per kind, the same on the map, in the list, on the card and on the filter chips.
export const KIND_COLOURS: Record<string, string> = {
  warm_station: '#c2410c',
  workers_home: '#1d4ed8',
  checkpoint_rest_stop: '#15803d',
};
