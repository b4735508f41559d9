// Pure renderers of what the app writes into Zendesk. Every value that comes from a caller, a
// contact attribute, a chat or a task is escaped (../escape.ts) before it goes into HTML.
export { renderAgentNotifications, agentNotificationsText } from './notifications';
export { renderContactSummary, contactSummaryLine, type ContactSummaryInput } from './summary';
export {
  voiceCommentData,
  voiceEndpoints,
  ANONYMOUS_PARTY,
  UNKNOWN_PARTY,
  type VoiceCommentData,
  type VoiceCommentInput,
  type VoiceEndpointsInput,
} from './voiceComment';
export { ticketSubject, ticketTags, TAG_APP } from './ticket';
export { chatTranscriptParts, renderChatTranscript, type TranscriptItem } from './chatTranscript';
export { renderTaskNote, type TaskNoteInput } from './taskNote';
export { directionOf, dateAndTime, formatUtc, displayParty, type Direction } from './format';
