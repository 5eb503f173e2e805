// fhirclient falls back to require('isomorphic-webcrypto').default only where globalThis.crypto is missing;
// every supported browser and Node 24 have WebCrypto, so this stand-in just points at the platform's.
module.exports = { default: globalThis.crypto };
