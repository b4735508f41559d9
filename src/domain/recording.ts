// Where an agent can fetch a call's recording: the Connect instance's own download address for
// the contact (the agent signs in to Connect to play it). Null when the CCP address is unusable.
export function recordingUrl(ccpUrl: string | null, contactId: string): string | null {
  if (!ccpUrl) return null;
  let origin: string;
  try {
    origin = new URL(ccpUrl).origin;
  } catch {
    return null;
  }
  return `${origin}/connect/get-recording?format=wav&callLegId=${encodeURIComponent(contactId)}`;
}
