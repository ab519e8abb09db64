import App

await Entrypoint.run()
