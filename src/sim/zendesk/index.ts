export { InMemoryZendesk, type AppliedChange } from './inMemoryZendesk';
export { htmlToText } from './html';
export { parseQuery, type ParsedQuery, type SearchTerm } from './search';
export type * from './types';
