// Voice assignment rules: tables that read like the end-user guide, and the decisions over them.
export * from './tickets';
export * from './inboundVoice';
export * from './outboundVoice';
export * from './manual';
export { warning, info, refusal } from './notices';
