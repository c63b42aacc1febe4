// Starts the packaged application for the browser suite: the jar from backend/target on 127.0.0.1, on E2E_PORT or
// a free port the system picks (never a fixed default such as 8080, which another server on the machine may hold),
// in an empty working directory under E2E_WORK_DIR or the system's temp directory (so ./data, the embedded database,
// is fresh). BASE_URL skips all this and uses a running application.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const targetDir = path.resolve(here, '../../backend/target')

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

export function findJar() {
  if (process.env.APP_JAR) return process.env.APP_JAR
  const jar = fs.existsSync(targetDir)
    ? fs.readdirSync(targetDir).find((f) => /^civil-approval-backend-.*\.jar$/.test(f) && !f.endsWith('-plain.jar'))
    : null
  if (!jar) throw new Error(`No packaged jar in ${targetDir}: run ./mvnw -o package -DskipTests -pl backend first`)
  return path.join(targetDir, jar)
}

// The Java options of the suite's application, for the test only (a deployment's are its own): C1 alone compiles
// (-XX:TieredStopAtLevel=1). The application lives a few minutes and serves one browser; on a 2-core machine the
// C2 compiler's work costs more than it saves, and the start takes about a quarter less (docs/testing.md).
// E2E_JAVA_OPTS replaces them (space-separated).
const JAVA_OPTS = process.env.E2E_JAVA_OPTS?.trim() ? process.env.E2E_JAVA_OPTS.trim().split(/\s+/) : ['-Xmx512m', '-XX:TieredStopAtLevel=1']

// sample: the demo data's sample of the bureau's past months (the first-start default); a suite that works only its
// own cases turns it off and starts some 20-30 s sooner.
export async function startApp({ sample = true } = {}) {
  if (process.env.BASE_URL) return { baseUrl: process.env.BASE_URL.replace(/\/$/, ''), stop: async () => {} }
  // The port is free when asked for, but another process (another suite's application, when the suites run two at a
  // time) may take it before the application binds it: then once more on another port.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce({ sample })
    } catch (e) {
      if (!(e instanceof PortTaken) || process.env.E2E_PORT || attempt >= 3) throw e
      console.log(`# ${e.message}: starting again on another port`)
    }
  }
}

class PortTaken extends Error {}

async function startOnce({ sample }) {
  const jar = findJar()
  const port = process.env.E2E_PORT ? Number(process.env.E2E_PORT) : await freePort()
  if (!Number.isInteger(port) || port <= 0) throw new Error(`E2E_PORT must be a port number, not ${process.env.E2E_PORT}`)
  const parent = process.env.E2E_WORK_DIR ?? os.tmpdir()
  fs.mkdirSync(parent, { recursive: true })
  const workDir = fs.mkdtempSync(path.join(parent, 'civil-e2e-'))
  const log = fs.openSync(path.join(workDir, 'app.log'), 'w')
  const started = Date.now()
  const child = spawn('java', [...JAVA_OPTS, '-jar', jar, `--server.port=${port}`, '--server.address=127.0.0.1'], {
    cwd: workDir,
    env: { ...process.env, DEMO_DATA: 'true', DEMO_SAMPLE: sample ? 'true' : 'false' },
    stdio: ['ignore', log, log],
  })
  const baseUrl = `http://127.0.0.1:${port}`
  // A loaded machine (several builds at once) can take minutes to start it: E2E_START_SECONDS, 300 by default.
  const deadline = Date.now() + Number(process.env.E2E_START_SECONDS ?? 300) * 1000
  let exited = null
  child.on('exit', (code) => (exited = code))
  // Never leave the application running: not when the suite ends, nor when a time limit stops it.
  process.on('exit', () => exited === null && child.kill('SIGKILL'))
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      child.kill('SIGKILL')
      process.exit(130)
    })
  }
  while (Date.now() < deadline && exited === null) {
    try {
      const r = await fetch(`${baseUrl}/actuator/health`)
      if (r.ok) break
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000))
  }
  const up = exited === null && (await fetch(`${baseUrl}/actuator/health`).then((r) => r.ok).catch(() => false))
  if (!up) {
    child.kill('SIGTERM')
    const text = fs.readFileSync(path.join(workDir, 'app.log'), 'utf8')
    if (exited !== null && /Port \d+ (was )?already in use/.test(text)) throw new PortTaken(`port ${port} was taken before the application bound it`)
    const tail = text.split('\n').slice(-40).join('\n')
    throw new Error(`The application did not start (log in ${workDir}/app.log):\n${tail}`)
  }
  console.log(`# application ${jar} on ${baseUrl}, working directory ${workDir}, up in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return {
    baseUrl,
    workDir,
    stop: () =>
      new Promise((resolve) => {
        if (exited !== null) return resolve()
        child.on('exit', () => resolve())
        child.kill('SIGTERM')
        setTimeout(() => child.kill('SIGKILL'), 20_000).unref()
      }),
  }
}
