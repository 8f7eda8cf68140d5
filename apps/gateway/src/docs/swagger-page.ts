/** Swagger UI for the merged document, with no inline script so that the page works under the CSP. */
export const SWAGGER_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Tutti API</title>
    <link rel="stylesheet" href="/docs/swagger-ui.css" />
    <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/swagger-ui-bundle.js"></script>
    <script src="/docs/tutti-swagger-init.js"></script>
  </body>
</html>
`;

/**
 * "Try it out" is signed in as the web app is in this tab: the app keeps its session and chosen role
 * in sessionStorage under these keys (apps/web/src/api/client.ts), and every operation, of every
 * service, gets its access token and role unless the Authorize dialog gave another token.
 */
export const SWAGGER_INIT_SCRIPT = `function signedInAsTheApp(request) {
  var headers = request.headers;
  try {
    var session = JSON.parse(sessionStorage.getItem('tutti.session') || 'null');
    var role = sessionStorage.getItem('tutti.role');
    if (session && session.accessToken && !headers.Authorization && !headers.authorization) headers.Authorization = 'Bearer ' + session.accessToken;
    if (role && !headers['x-tutti-role']) headers['x-tutti-role'] = role;
  } catch (error) {
    // No session to use (storage blocked or not the app's): the request goes as the dialog made it.
  }
  return request;
}
window.ui = SwaggerUIBundle({
  url: '/docs-json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  persistAuthorization: true,
  requestInterceptor: signedInAsTheApp,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
});
`;

/** The swagger-ui-dist files the page loads; nothing else of that folder is served. */
export const SWAGGER_ASSETS = new Set(['/swagger-ui.css', '/swagger-ui-bundle.js', '/favicon-32x32.png', '/favicon-16x16.png']);
