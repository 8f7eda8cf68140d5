/** Served at every web path while no web app is built, so that `/` still says what this is. */
export const PLACEHOLDER_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Tutti</title>
  </head>
  <body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
    <h1>Tutti</h1>
    <p>The gateway is running, but the web app has not been built yet.</p>
    <p>The API is described at <a href="/docs">/docs</a>; the state of every service is at <a href="/health">/health</a>.</p>
  </body>
</html>
`;
