/**
 * What the agent typed and chose on the guide search, kept for the session so coming back from
 * a sheet finds the same list. Ephemeral on purpose: nothing of it is stored on the device.
 */
export interface SearchState {
  text: string;
  famille: string;
  public: string;
  type: string;
  frais: '' | 'gratuit' | 'payant';
  communeInsee: string;
  /** '' any distance, 'commune' in the commune only, else a radius in km. */
  distance: string;
}

export const EMPTY_SEARCH: SearchState = {
  text: '',
  famille: '',
  public: '',
  type: '',
  frais: '',
  communeInsee: '',
  distance: '',
};

let saved: SearchState = EMPTY_SEARCH;

export function savedSearch(): SearchState {
  return saved;
}

export function saveSearch(state: SearchState): void {
  saved = state;
}
