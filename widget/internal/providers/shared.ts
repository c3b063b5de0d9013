/**
 * @license
 * SPDX-License-Identifier: MIT
 */

/*
 * Everything the provider chunks share at run time, re-exported so that it is one chunk: the
 * registry's preloadProvider() fetches it together with the provider's own, so the browser does
 * not find it only after parsing that one. A provider controller imports helpers from here (and
 * types from anywhere), never another module's code directly.
 */
export {cspNonce} from '../csp-nonce.js';
export {errorCode, isCardDecline, providerError, refusal} from './errors.js';
export {detailsOf} from './provider.js';
export {injectScript} from './script.js';
