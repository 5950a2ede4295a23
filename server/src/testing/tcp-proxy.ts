import net from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 between a server and its PostgreSQL that can be paused: while paused it
 * reads nothing from either side and forwards nothing, so the database looks stalled (issue 15 finding
 * 4), not gone. Resume lets the held bytes through.
 */
export interface TcpProxy {
  port: number;
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
  let paused = false;
  const sockets = new Set<net.Socket>();
  // 'data' handlers, not pipe(): pipe() resumes a paused source when its destination drains.
  const forward = (from: net.Socket, to: net.Socket) => {
    sockets.add(from);
    from.on('data', (chunk) => to.write(chunk));
    from.once('close', () => {
      sockets.delete(from);
      to.destroy();
    });
    from.on('error', () => from.destroy());
    if (paused) from.pause();
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, targetHost);
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('proxy has no port');
  return {
    port: address.port,
    pause: () => {
      paused = true;
      for (const socket of sockets) socket.pause();
    },
    resume: () => {
      paused = false;
      for (const socket of sockets) socket.resume();
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
