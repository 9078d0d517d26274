/** nnc's version (package.json's): printed by `nnc --version`, written into web builds. */
export const version = '0.1.0';
