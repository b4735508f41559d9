export { InMemoryZendesk, type AppliedChange } from './inMemoryZendesk';
export { htmlToText } from './html';
export { SIM_APP_ID } from './records';
export { parseQuery, type ParsedQuery, type SearchTerm } from './search';
export type * from './types';
