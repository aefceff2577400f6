// The options `cohort serve` and `cohort coordinator` share, and the files they name: where the
// coordinator keeps its data and listens for agencies, TLS, its limits, its roster, engine and
// logging. The few words that differ between the two (what the data directory holds, how the
// largest message is chosen) are the command's own.
import type { Command } from 'commander';
import { DEFAULT_LIMITS } from '../coordinator/limits.js';
import { parseRoster, type Roster } from '../identity/roster.js';
import type { EnginePreference } from '../ml/engine.js';
import { nonNegativeInt, positiveInt, readFlagFile } from './output.js';

export interface ListenFlags {
  dataDir: string;
  key: string;
  host: string;
  port: number;
  tlsCert?: string;
  tlsKey?: string;
  insecurePlainWs: boolean;
  maxMessageMb?: number;
  handshakeTimeoutMs: number;
  maxConnections: number;
  messagesPerSecond: number;
  noticesPerRound: number;
  evalMnist?: number;
  engine: EnginePreference;
  logLevel: string;
  roster?: string;
}

/** The help texts a command words its own way. */
export interface ListenWords {
  dataDir: string;
  host: string;
  port: string;
  maxMessageMb: string;
  evalMnist: string;
  logLevel: string;
}

export function addListenOptions(cmd: Command, words: ListenWords): Command {
  return cmd
    .option('--data-dir <dir>', words.dataDir, '.cohort')
    .requiredOption('--key <file>', "the coordinator's identity file (cohort keys new)")
    .option('--host <host>', words.host, '127.0.0.1')
    .option('--port <port>', words.port, nonNegativeInt, 7400)
    .option('--tls-cert <file>', 'PEM certificate: serve wss://')
    .option('--tls-key <file>', 'PEM private key for --tls-cert')
    .option('--insecure-plain-ws', 'allow plain ws:// on a non-loopback address (never in production)', false)
    .option('--max-message-mb <n>', words.maxMessageMb, positiveInt)
    .option('--handshake-timeout-ms <ms>', 'time allowed to finish the handshake', positiveInt, DEFAULT_LIMITS.handshakeTimeoutMs)
    .option('--max-connections <n>', 'open connections at once', positiveInt, DEFAULT_LIMITS.maxConnections)
    .option('--messages-per-second <n>', 'per-connection message rate', positiveInt, DEFAULT_LIMITS.messagesPerSecond)
    .option('--notices-per-round <n>', "an agency's notices recorded in the ledger per round (more are counted)", nonNegativeInt, DEFAULT_LIMITS.noticesPerRound)
    .option('--eval-mnist <n>', words.evalMnist, positiveInt)
    .option('--engine <name>', 'compute engine: auto, tensorflow, wasm, cpu', 'auto')
    .option('--log-level <level>', words.logLevel, 'info')
    .option('--roster <file>', "the federation's roster signed by its governance key (cohort roster): only its members are admitted, and every offer carries it");
}

/** The roster --roster names, parsed (its signature is checked when the coordinator starts). */
export async function rosterFile(path: string): Promise<Roster> {
  return parseRoster((await readFlagFile('--roster', path)).toString('utf8'), path);
}

/** The TLS certificate and key, when given: both or neither. */
export async function tlsFiles(flags: { tlsCert?: string; tlsKey?: string }): Promise<{ cert: Buffer; key: Buffer } | undefined> {
  if (!!flags.tlsCert !== !!flags.tlsKey) throw new RangeError('--tls-cert and --tls-key go together: give both (README, "TLS across machines")');
  if (!flags.tlsCert || !flags.tlsKey) return undefined;
  return { cert: await readFlagFile('--tls-cert', flags.tlsCert), key: await readFlagFile('--tls-key', flags.tlsKey) };
}
