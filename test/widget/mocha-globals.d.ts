// The BDD globals @web/test-runner's Mocha provides; typed here because @types/mocha is not
// installed (and would clash with node:test's types, which the server tests use).
type MochaTest = () => void | Promise<unknown>;

declare function describe(title: string, suite: () => void): void;
declare function it(title: string, test: MochaTest): void;
declare function before(hook: MochaTest): void;
declare function after(hook: MochaTest): void;
declare function beforeEach(hook: MochaTest): void;
declare function afterEach(hook: MochaTest): void;
