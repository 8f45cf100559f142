// `npm run build` (also run by `npm install`): builds the static assets for the current sources into
// node_modules/.cache/nok-assets/, so that `npm start` only reads them.
import { builtAssets, sourcesHash } from '../src/http/assets.ts';

const started = performance.now();
const { bodies, built } = await builtAssets();
const size = (name: string) => `${name} ${Math.round(Buffer.byteLength(bodies[name] ?? '') / 1024)} KB`;
console.log(
  `Assets ${await sourcesHash()}: ${built ? 'built' : 'already built'} in ${Math.round(performance.now() - started)} ms` +
    ` (${['form.js', 'console.js', 'register.js'].map(size).join(', ')})`,
);
