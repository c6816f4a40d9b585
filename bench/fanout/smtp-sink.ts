// A local SMTP sink for the fan-out case, as a process of its own: accepts every message, keeps
// nothing, and prints how many it has received whenever asked (a line on stdin).
import { SMTPServer } from 'smtp-server';

const port = Number(process.env.SINK_PORT);
let received = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  maxClients: 100,
  onData(stream, _session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => {
      received += 1;
      callback();
    });
  },
});
server.listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));
process.stdin.on('data', () => process.stdout.write(`${received}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
