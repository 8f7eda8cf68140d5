// swagger-ui-dist ships no types. Only its path helper is loaded: the package's index also
// evaluates the whole Swagger UI bundle (megabytes of browser code) in the server process.
declare module 'swagger-ui-dist/absolute-path.js' {
  function getAbsoluteFSPath(): string;
  export = getAbsoluteFSPath;
}
