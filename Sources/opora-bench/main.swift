import App
import Bench

// `opora-bench bench …`: the benchmark over the app of `opora` (the same configuration,
// database and commands), kept out of the server's executable.
await Entrypoint.run(commands: Bench.commands)
