/**
 * The import graph's rules, checked by `npm run check:imports` (in `npm test`, after lint):
 * no cycles anywhere in the sources (server, widget, emulators), and the server's layers import
 * downward only —
 *
 *   app (app.ts, node*.ts, bin.ts, index.ts, config.ts, the CLIs) → routes/ + middleware/ + admin/
 *     → payments/ → providers/, outbox/ → notify/ → orders/ → core (catalog, pricing, money,
 *     errors, env, …)
 *
 * config.ts is the app's because it composes each gateway's variables from the registry.
 *
 * The widget and the server (or the emulators) share nothing but the wire contract's types:
 * `import type` from widget/contract.ts.
 */
const SERVER_APP =
  '^server/(app|node|node-[^/]+|bin|index|config|reconcile-cli|refund-cli|csp-cli|demo-files|emulator-ports)\\.ts$';
// What routes and middleware share: the per-app context they are built from.
const ROUTES = '^server/(routes|middleware|admin)/|^server/context\\.ts$';
const CORE =
  '^server/(catalog/[^/]+|money|errors|contract|validation|log|net|crc32|env|csp|language)\\.ts$';

/** A lower layer (`from`) that must not import the higher ones (`to`). */
const layer = (name, from, to, comment) => ({
  name,
  comment,
  severity: 'error',
  from: {path: from},
  to: {path: to},
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'A cycle makes two modules one idea; split out what both need instead.',
      severity: 'error',
      from: {path: '^(server|widget|emulators)/'},
      to: {circular: true},
    },
    layer(
      'core-imports-nothing-above',
      CORE,
      '^server/(payments|providers|outbox|notify|orders)/|' +
        ROUTES +
        '|' +
        SERVER_APP,
      'catalog/ (and its pricing), money, errors, the contract and the environment helpers are the bottom layer.'
    ),
    layer(
      'orders-below-everything-but-core',
      '^server/orders/',
      '^server/(payments|providers|outbox|notify)/|' +
        ROUTES +
        '|' +
        SERVER_APP,
      'The order, its state machine and its store know nothing of providers, the outbox or notifications.'
    ),
    layer(
      'notify-does-not-import-outbox',
      '^server/notify/',
      '^server/(payments|providers|outbox)/|' + ROUTES + '|' + SERVER_APP,
      'Notifications are what the outbox delivers; they do not know the outbox.'
    ),
    layer(
      'providers-and-outbox-below-payments',
      '^server/(providers|outbox)/',
      '^server/payments/|' + ROUTES + '|' + SERVER_APP,
      'Gateways and the outbox are used by the payments layer, never the other way.'
    ),
    layer(
      'providers-and-outbox-apart',
      '^server/providers/',
      '^server/(outbox|notify)/',
      'A gateway reports payments; side effects are the payments layer’s business.'
    ),
    layer(
      'payments-below-routes',
      '^server/payments/',
      ROUTES + '|' + SERVER_APP,
      'Use cases take their dependencies as arguments; they never reach up to HTTP or the app.'
    ),
    layer(
      'routes-below-the-app',
      '^server/(routes|middleware)/',
      SERVER_APP,
      'Routes and middleware are mounted by app.ts; context.ts is theirs to read.'
    ),
    {
      name: 'a-gateway-imports-no-other',
      comment:
        'Each gateway folder stands alone; the registry alone knows them all.',
      severity: 'error',
      from: {path: '^server/providers/([^/]+)/'},
      to: {
        path: '^server/providers/([^/]+)/',
        pathNot: '^server/providers/$1/',
      },
    },
    // The widget's layers: internal/ (the API client, events, messages, the providers and their
    // registry) → the element's controllers and templates → the element → index.ts / cdn.ts.
    {
      name: 'widget-internals-know-no-element',
      comment:
        'widget/internal/ is what the elements are built from; it never imports them or the entries.',
      severity: 'error',
      from: {path: '^widget/internal/'},
      to: {path: '^widget/(pay-checkout|pay-item)/|^widget/(index|cdn)\\.ts$'},
    },
    {
      name: 'widget-controllers-and-templates-know-no-component',
      comment:
        'The element wires its controllers and templates; they take what they need as arguments.',
      severity: 'error',
      from: {path: '^widget/pay-checkout/(controllers|templates)/'},
      to: {
        path: '^widget/pay-checkout/pay-checkout(\\.component)?\\.ts$|^widget/(index|cdn)\\.ts$',
      },
    },
    {
      name: 'widget-templates-are-pure',
      comment:
        'Templates render what they are given; state lives in the controllers.',
      severity: 'error',
      from: {path: '^widget/pay-checkout/templates/'},
      to: {path: '^widget/pay-checkout/controllers/'},
    },
    {
      name: 'widget-imports-no-server-or-emulators',
      severity: 'error',
      from: {path: '^widget/'},
      to: {path: '^(server|emulators)/'},
    },
    {
      name: 'server-and-emulators-import-only-the-contract-types-of-the-widget',
      severity: 'error',
      from: {path: '^(server|emulators)/'},
      to: {path: '^widget/', pathNot: '^widget/contract\\.ts$'},
    },
    {
      name: 'the-contract-is-imported-as-types',
      severity: 'error',
      from: {path: '^(server|emulators)/'},
      to: {path: '^widget/contract\\.ts$', dependencyTypesNot: ['type-only']},
    },
    {
      name: 'server-imports-no-emulator-source',
      comment:
        'node-providers.ts loads the emulators by package name, in development only.',
      severity: 'error',
      from: {path: '^server/'},
      to: {path: '^emulators/', pathNot: '^emulators/index\\.ts$'},
    },
    {
      name: 'emulators-import-no-server',
      severity: 'error',
      from: {path: '^emulators/'},
      to: {path: '^server/'},
    },
  ],
  options: {
    includeOnly: '^(server|widget|emulators)/',
    exclude: {path: '(^|/)(dist|node_modules|test|test-results)/'},
    doNotFollow: {path: 'node_modules'},
    tsPreCompilationDeps: true,
    tsConfig: {fileName: 'tsconfig.json'},
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'types', 'default'],
      extensions: ['.ts', '.js'],
    },
  },
};
