import { app } from 'electron'

app.enableSandbox()
app.whenReady().then(() => undefined)
