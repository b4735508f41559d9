// The libraries of a simulated Zendesk tab's page, in the order the top bar has them: Streams
// defines the page's `connect`; ChatJS and TaskJS register on it (connect.ChatSession, TaskSession).
import 'amazon-connect-streams';
import 'amazon-connect-chatjs/dist/amazon-connect-chat.js';
import 'amazon-connect-taskjs/dist/amazon-connect-task.js';
