// An invisible helper: tells the top bar which user profile the agent is looking at, so Create
// ticket creates the ticket for that user. No React, no Streams.
import { reportViewing, startHelper } from '../viewingReporter';

startHelper(async (zaf) => {
  const user = await zaf.get('user.id').catch(() => ({}) as Record<string, unknown>);
  await reportViewing(zaf, { kind: 'user', id: user['user.id'] ?? null, requesterId: null });
});
