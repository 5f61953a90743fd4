// What the benchmark ran on, for the report: hardware, system, and each contender's version.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, hostname, release, totalmem } from 'node:os';

export interface Machine {
  host: string;
  cpu: string;
  logical_cores: number;
  memory_gib: number;
  os: string;
  kernel: string;
  software: Record<string, string>;
}

function osName(): string {
  try {
    const line = readFileSync('/etc/os-release', 'utf8').split('\n').find((l) => l.startsWith('PRETTY_NAME='));
    return line ? line.slice('PRETTY_NAME='.length).replaceAll('"', '') : 'unknown';
  } catch {
    return 'unknown';
  }
}

export function gitCommit(root: string): string {
  const head = spawnSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  const dirty = spawnSync('git', ['-C', root, 'status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).stdout.trim();
  return head ? `${head}${dirty ? ' (with uncommitted changes)' : ''}` : 'unknown';
}

export function describeMachine(software: Record<string, string>): Machine {
  const cores = cpus();
  return {
    host: hostname(),
    cpu: cores[0]?.model.trim() ?? 'unknown',
    logical_cores: cores.length,
    memory_gib: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: osName(),
    kernel: release(),
    software: { node: process.version, ...software },
  };
}
