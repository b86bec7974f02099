/**
 * The reference of bench:library-push, run as its own process: a bare node:http server with the same
 * streams and frames as /api/notify/stream, and no database. POST /publish?link=… answers, then writes one
 * notice to every open stream, as the server's push does after its publish response. What the real
 * server takes beyond this, on the same machine at the same moment, is the cost of the push itself.
 */
import http from 'node:http';

const streams: http.ServerResponse[] = [];
let published = 0;

const server = http.createServer((req, res) => {
  if (req.url === '/stream') {
    res.removeHeader('content-length');
    res.removeHeader('transfer-encoding');
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'close',
    });
    res.write('retry: 3000\n\nevent: unread\ndata: {"count":0}\n\n');
    streams.push(res);
    return;
  }
  // POST /publish?link=…: the caller names the link its clients wait for.
  const link = new URL(req.url ?? '/', 'http://x').searchParams.get('link') ?? '';
  published += 1;
  res.on('finish', () => {
    const rest = JSON.stringify({
      title: '资料库新发布：在纪律教育专题党课上的讲话（推送基准）',
      link,
      kind: 'library.published',
      createdAt: new Date().toISOString(),
    }).slice(1);
    streams.forEach((stream, i) => {
      const id = published * 100_000 + i;
      stream.write(`id: ${id}\nevent: notification\ndata: {"id":${id},${rest}\n\n`);
    });
  });
  res.end();
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`已启动 ${typeof address === 'object' && address ? address.port : ''}`);
});
