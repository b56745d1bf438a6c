// Lets Node import the compiled LWC modules as they import each other (`c/<name>`), so the
// benchmarks run the very JavaScript that deploys. Use: node --import ./bench/register-lwc-modules.mjs
import { register } from 'node:module';

register('./lwc-resolve-hook.mjs', import.meta.url);
