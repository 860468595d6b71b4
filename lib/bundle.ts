/**
 * What the browser bundles (`dist/bundle`: the UMD global `LpCallStreams` and the ES module bundle)
 * hold: the package root, the connection and call readiness — every entry a page uses, on one object.
 */
export * from './index';
export * from './connection/index';
export * from './readiness/index';
