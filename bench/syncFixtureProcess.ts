/** The benchmark's HF fixture server in its own process, as a remote server would be. Prints its URL. */
import { hfDays } from '../src/main/sync/testing/feeds';
import { startFixtureServer } from '../src/main/sync/testing/fixtureServer';

const [days, perDay] = [JSON.parse(process.argv[2]!) as string[], Number(process.argv[3])];
const fx = await startFixtureServer();
fx.data.hf = hfDays(days, perDay);
process.stdout.write(`${fx.url}\n`);
process.stdin.on('end', () => void fx.close().then(() => process.exit(0)));
process.stdin.resume();
