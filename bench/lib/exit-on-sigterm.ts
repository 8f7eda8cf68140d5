// Preloaded only when profiling: a process killed by a signal never writes its --cpu-prof file.
process.once('SIGTERM', () => process.exit(0));
