/** The languages Referat speaks: Danish first (the default everywhere), English available. */
export type Language = 'da' | 'en';
