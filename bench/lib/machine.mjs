// What the numbers were measured on: they mean nothing without it.
import os from 'node:os';

export function machineInfo() {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    /** 1/5/15-minute load averages at the start: other work on a 2-core machine shows up in every number */
    loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

export function machineLine(m = machineInfo()) {
  return `${m.date.slice(0, 10)} · node ${m.node} · ${m.cpu} · ${m.cores} cores · ${m.memoryGiB} GiB · ${m.platform} · load ${m.loadavg.join(' ')}`;
}
