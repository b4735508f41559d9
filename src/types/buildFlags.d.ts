// Flags the Vite builds define (`define` in vite.config.ts and playground/vite.config.ts).
// Outside a Vite build (Node, Vitest) they are not defined at all: read them through `typeof`.

/** true only in the playground's build (`npm start`); false in the app package, so its branches are compiled out. */
declare const __ACZ_PLAYGROUND__: boolean | undefined;
