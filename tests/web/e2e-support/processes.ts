// What a server leaves running, read from /proc (Linux): its descendants, and whether a pid lives.
import { readdirSync, readFileSync } from 'node:fs';

interface ProcessEntry {
  pid: number;
  ppid: number;
  state: string;
}

function readEntry(pid: number): ProcessEntry | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: the fields follow the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, state: fields[0] ?? '?', ppid: Number(fields[1]) };
  } catch {
    return null; // gone meanwhile
  }
}

function allProcesses(): ProcessEntry[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readEntry(Number(name)))
    .filter((entry): entry is ProcessEntry => entry !== null);
}

/** Every process below `root` (children, grandchildren, ...), zombies included. */
export function descendantsOf(root: number): number[] {
  const processes = allProcesses();
  const found: number[] = [];
  const parents = [root];
  while (parents.length > 0) {
    const parent = parents.pop()!;
    for (const entry of processes) {
      if (entry.ppid === parent) {
        found.push(entry.pid);
        parents.push(entry.pid);
      }
    }
  }
  return found;
}

/** True while `pid` exists and is not a zombie. */
export function isRunning(pid: number): boolean {
  const entry = readEntry(pid);
  return entry !== null && entry.state !== 'Z';
}
