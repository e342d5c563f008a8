import { backendOrder } from '@dlkit/backend';
import { Command, Help, Option } from 'commander';
import { runConv } from './commands/conv';
import { runGan } from './commands/gan';
import { runLstm } from './commands/lstm';
import { runReport } from './commands/report';
import { runVaeLab } from './commands/vae-lab';
import { runVaeTrain } from './commands/vae-train';
import { runWeb } from './commands/web';
import { ganDefaults } from './gan/gan-defaults';
import { ganVariantDescriptions, ganVariantNames } from './gan/gan-variants';
import { CliError } from './cli-error';
import { conciseCommanderMessage } from './one-line-message';
import { parseDataSource } from './options/parse-data-source';
import { parseEmaDecay } from './options/parse-ema-decay';
import { parseTopFraction } from './options/parse-top-fraction';
import { parseLearningRate } from './options/parse-learning-rate';
import { parsePort } from './options/parse-port';
import { parsePositiveInt } from './options/parse-positive-int';
import { parseSeed } from './options/parse-seed';
import { vaeDefaults } from './vae/vae-defaults';

const backendOption = () =>
  new Option('--backend <name>', 'tfjs backend; an explicit one that cannot start is an error, never a silent fallback')
    .choices(['auto', ...backendOrder])
    .default('auto');
const outOption = () => new Option('-o, --out <dir>', 'output folder (created if missing)').default(ganDefaults.out);
const seedOption = (fallback: number = ganDefaults.seed) =>
  new Option('--seed <n>', 'random seed: same seed, same backend → same run').argParser(parseSeed).default(fallback);
const quietOption = () => new Option('-q, --quiet', 'no progress output; only errors and where the files are');
const epochsOption = (fallback: number) =>
  new Option('-e, --epochs <n>', 'epochs to train in all (with --resume: train until this epoch)')
    .argParser(parsePositiveInt)
    .default(fallback);
const batchSizeOption = (fallback: number) =>
  new Option('-b, --batch-size <n>', 'digits per training step').argParser(parsePositiveInt).default(fallback);
const learningRateOption = (description: string, fallback: number) =>
  new Option('--lr <rate>', description).argParser(parseLearningRate).default(fallback);
const dataOption = () =>
  new Option('--data <source>', 'embedded (offline, 8,000 training digits), download, or a folder with the MNIST IDX files')
    .argParser(parseDataSource)
    .default('embedded');
const limitOption = () => new Option('--limit <n>', 'train on only the first n digits (quick tries)').argParser(parsePositiveInt);
const resumeOption = () => new Option('--resume', 'continue the run whose checkpoint is in --out');
const forceOption = () =>
  new Option('--force', 'start over in --out even though it holds a run of this command, replacing that run').conflicts('resume');

/** The flags typed on the command line (not defaults): a resumed run refuses ones that disagree with it. */
const explicitOptions = (options: object, command: Command) =>
  new Set(Object.keys(options).filter((key) => command.getOptionValueSource(key) === 'cli'));

const examples = `
Examples:
  $ pnpm demo                          train the default GAN (about 2–5 min on 2 cores) into ./out
  $ pnpm demo --epochs 30 --batch-size 128
  $ pnpm demo --model dcgan --backend wasm
  $ pnpm demo --data ~/mnist           train on the full MNIST (a folder with the four IDX files)
  $ pnpm demo --resume --epochs 32     continue ./out after Ctrl-C, or train longer
  $ pnpm demo --force                  start over in ./out, replacing the run there
  $ pnpm demo --model mlp --lr 2e-4 --epochs 40   the assignment's reference MLP GAN (about 5 min; --ema 0: its last weights draw)
  $ pnpm demo --model cmlp-bn-small-d --epochs 30   the class-conditional MLP GAN (the previous default, about 2 min)
  $ pnpm demo report                   the whole assignment, computed live, as out/assignment.html
  $ pnpm demo conv                     Q1: convolution worked solution and LeNet arithmetic
  $ pnpm demo lstm                     Q2: LSTM gradients, corrected, with a gradient check
  $ pnpm demo vae                      Q3: the posterior lab's figures and answer
  $ pnpm demo vae train                Q3: train the VAE on MNIST (about a minute) into ./out/vae
  $ pnpm demo web                      train the GAN or the VAE live in a browser page (WebGPU, WebGL, WASM)

Ctrl-C stops after the current step; everything written stays valid, and --resume continues.
One run per folder at a time: a run locks its folder (.dlkit-run.lock) while it writes.
DEBUG=1 prints stack traces for unexpected errors.`;

const vaeExamples = `
Examples:
  $ pnpm demo vae                      the posterior lab (same as demo vae lab) into ./out/posterior-lab
  $ pnpm demo vae train                train the VAE 10 epochs (about a minute on 2 cores) into ./out/vae
  $ pnpm demo vae train --epochs 20 --resume   continue ./out/vae to 20 epochs
  $ pnpm demo vae train --force        start over in ./out/vae, replacing the run there
  $ pnpm demo vae train --limit 2000 --epochs 2   a quick try

Ctrl-C stops vae train after the current step; everything written stays valid, and --resume continues.`;

/** The dlkit-demo command line: `gan` (the default), `report`, `conv`, `lstm`, `vae` (`lab`, the default, and `train`). */
export function createProgram(version: string): Command {
  const program = new Command('dlkit-demo')
    .description('Trains the MNIST GAN end to end and plots its losses; `report` shows the whole assignment.')
    .version(version, '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      outputError: (message, write) => write(`dlkit-demo: ${conciseCommanderMessage(message)} (see --help)\n`),
    })
    .addHelpText('after', examples);

  const gan = program
    .command('gan', { isDefault: true })
    .description('train the GAN on MNIST; write losses, charts, samples, metrics, checkpoint and report.html')
    // The default command receives any stray word; name it as the unknown command it is.
    .allowExcessArguments(true)
    .addOption(epochsOption(ganDefaults.epochs))
    .addOption(batchSizeOption(ganDefaults.batchSize))
    .addOption(learningRateOption("Adam's learning rate (the assignment's reference GAN uses 2e-4)", ganDefaults.learningRate))
    .addOption(
      new Option('--model <name>', ganVariantNames.map((name) => `${name}: ${ganVariantDescriptions[name]}`).join('; '))
        .choices(ganVariantNames)
        .default(ganDefaults.model),
    )
    .addOption(
      new Option('--ema <beta>', "β of the moving average of G's weights that draws the samples and metrics (0: the trained weights)")
        .argParser(parseEmaDecay)
        .default(ganDefaults.emaDecay),
    )
    .addOption(
      new Option('--top-k <fraction>', 'top-k training: G learns from this fraction of its fakes, those D rates most real (1: every fake)')
        .argParser(parseTopFraction)
        .default(ganDefaults.generatorTopFraction),
    )
    .addOption(dataOption())
    .addOption(limitOption())
    .addOption(backendOption())
    .addOption(seedOption())
    .addOption(outOption())
    .addOption(resumeOption())
    .addOption(forceOption())
    .addOption(quietOption())
    .addHelpText('after', examples)
    .action(async (options, command: Command) => {
      const stray = command.args[0];
      if (stray !== undefined) {
        throw new CliError(`unknown command '${stray}' (expected gan, report, conv, lstm or vae; see --help)`);
      }
      const explicit = explicitOptions(options, command);
      await runGan({ ...options, explicit, backendFromCli: explicit.has('backend') });
    });

  program
    .command('report')
    .description('the whole assignment (Q1–Q4) computed live, as one self-contained HTML page')
    .addOption(backendOption())
    .addOption(seedOption())
    .addOption(outOption())
    .addOption(quietOption())
    .action(async (options, command: Command) => {
      await runReport({ ...options, backendFromCli: command.getOptionValueSource('backend') === 'cli' });
    });

  program
    .command('conv')
    .description('Q1: the convolution worked solution, the output-size formula, LeNet and parameter reductions')
    .action(async () => {
      await runConv();
    });

  program
    .command('lstm')
    .description('Q2: the LSTM gradient formulas with the usual mistakes corrected, and a gradient check')
    .addOption(seedOption())
    .action(async (options) => {
      await runLstm(options);
    });

  const vae = program
    .command('vae')
    .description('Q3: train the VAE on MNIST (vae train), or the posterior lab (vae lab, the default)')
    .addHelpText('after', vaeExamples);

  vae
    .command('lab', { isDefault: true })
    .description('the posterior lab: which q(z|x) a standard VAE can learn, with figures (out/posterior-lab/)')
    // As the default command it receives any stray word; name it as the unknown command it is.
    .allowExcessArguments(true)
    .addOption(outOption())
    .addOption(quietOption())
    .action(async (options, command: Command) => {
      const stray = command.args[0];
      if (stray !== undefined) throw new CliError(`unknown command 'vae ${stray}' (expected vae train or vae lab; see demo vae --help)`);
      await runVaeLab(options);
    });

  vae
    .command('train')
    .description(
      'train the 784-400-20 VAE on MNIST; write −ELBO per epoch, chart, samples, reconstructions, checkpoint, report.html to out/vae/',
    )
    .addOption(epochsOption(vaeDefaults.epochs))
    .addOption(batchSizeOption(vaeDefaults.batchSize))
    .addOption(learningRateOption("Adam's learning rate", vaeDefaults.learningRate))
    .addOption(dataOption())
    .addOption(limitOption())
    .addOption(backendOption())
    .addOption(seedOption(vaeDefaults.seed))
    .addOption(outOption())
    .addOption(resumeOption())
    .addOption(forceOption())
    .addOption(quietOption())
    .addHelpText('after', vaeExamples)
    .action(async (options, command: Command) => {
      const explicit = explicitOptions(options, command);
      await runVaeTrain({ ...options, explicit, backendFromCli: explicit.has('backend') });
    });

  program
    .command('web')
    .description('serve the page that trains the GAN and the VAE live in a browser (WebGPU, WebGL or WASM) until Ctrl-C')
    .addOption(new Option('--port <n>', 'port to serve on (0: any free port)').argParser(parsePort).default(8080))
    .addOption(new Option('--host <address>', 'address to listen on').default('127.0.0.1'))
    .action(async (options) => {
      await runWeb(options);
    });

  // `dlkit-demo --epochs 3` runs gan, so the top-level help lists gan's flags too.
  program.configureHelp({
    visibleOptions(command) {
      const own = Help.prototype.visibleOptions.call(this, command);
      if (command !== program) return own;
      return [...gan.options.filter((option) => !option.hidden && option.long !== '--help'), ...own];
    },
  });

  return program;
}
