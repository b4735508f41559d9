// One simulated Zendesk tab's page (Streams allows one initCCP per page): the real Amazon
// Connect Streams, ChatJS and TaskJS on this page's own `connect` global. The playground sets
// the page's time and fetch up before they load, boots Streams into #ccp from its own window as
// the top bar does, and shows this frame where the top bar's CCP goes.
import { findHost } from './standInHost';

const host = findHost(window);
host?.prepareTab(window);
await import('./tabLibraries');
if (host) host.tabReady(window);
else document.body.textContent = 'A simulated Zendesk tab of the playground: open the playground (npm start) instead.';
