// Widget tests: @open-wc/testing in headless Debian Chromium. `npm run test:widget`
// (or `npx web-test-runner`); `-- --files test/widget/<name>.test.ts` runs one file.
import {fileURLToPath} from 'node:url';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';

export default {
  files: 'test/widget/**/*.test.ts',
  nodeResolve: true,
  plugins: [
    // The repository's tsconfig, so experimentalDecorators / useDefineForClassFields: false
    // compile exactly as tsc checks them.
    esbuildPlugin({
      ts: true,
      tsconfig: fileURLToPath(new URL('tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  // Lit's development build (the default export condition here) announces itself once per
  // page; that notice is not a test result.
  filterBrowserLogs: ({args}) =>
    !String(args[0]).includes('Lit is in dev mode'),
  testFramework: {config: {timeout: 10000}},
};
