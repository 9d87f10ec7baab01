/**
 * `flagops/react`: flag values in React components, bootstrapped with values the server evaluated
 * (`client.allFlags(context)`) and updated live over a server-sent event stream. Only values reach
 * the browser: no rules, segments, account lists or rollout splits. Runs in browsers and in
 * server rendering (`renderToString` renders the bootstrap values).
 *
 * @example
 * // server (Express)
 * app.use(flagsMiddleware(flags, { context }));
 * app.get('/flags/stream', flagValuesStream(flags, { context }));
 * app.get('/', (req, res) => res.send(page(`<script>window.__FLAGS__=${serializeBootstrap(req.flags.all())}</script>`)));
 *
 * // browser
 * import { FlagsProvider, useFeatureFlag } from 'flagops/react';
 * createRoot(el).render(
 *   <FlagsProvider values={window.__FLAGS__} stream="/flags/stream"><App /></FlagsProvider>,
 * );
 * function Banner() {
 *   return useFeatureFlag('maintenance-mode') ? <p>Back soon</p> : null;
 * }
 */
export { FlagsProvider, type FlagsProviderProps } from './react/provider.js';
export { useFeatureFlag, useFlags, useVariation } from './react/hooks.js';
export type { BootstrapValues, FlagValues } from './react/values-store.js';
export type { EventSourceFactory, EventSourceLike } from './react/values-stream.js';
export { serializeBootstrap } from './bootstrap.js';
