// ChatJS's own typings declare globals only (no module); the app imports it for its side
// effect (it registers connect.ChatSession, which Streams uses for chat media).
declare module 'amazon-connect-chatjs/dist/amazon-connect-chat.js';

// amazon-connect-taskjs ships no types; it is loaded for its side effect (connect.TaskSession).
declare module 'amazon-connect-taskjs/dist/amazon-connect-task.js';
