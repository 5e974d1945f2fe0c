/**
 * The peer: the framework's own way to build a multi-turn bot, as a developer choosing a framework
 * would write it from the botbuilder samples (05.multi-turn-prompt): a ComponentDialog with
 * waterfalls and prompts (confirm, choice, number, text), its dialog state in ConversationState on
 * MemoryStorage, saved at the end of every turn. Nothing is persisted and nothing is screened: it is
 * what the same conversations cost in botbuilder-dialogs alone. `npm run bench` reports the real
 * bot against it and against the echo floor, in the same run, alternating rounds.
 *
 *   PORT=3998 node dist/bench/peer-bot.js
 */
import restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import {
  ChoiceFactory,
  ChoicePrompt,
  ComponentDialog,
  ConfirmPrompt,
  DialogSet,
  DialogTurnStatus,
  NumberPrompt,
  TextPrompt,
  WaterfallDialog,
  type DialogState,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';

const CONFIRM = 'confirm';
const CHOICE = 'choice';
const NUMBER = 'number';
const TEXT = 'text';
const ONBOARDING = 'onboarding';
const SCREENING = 'screening';
const SESSION = 'session';

/** Yes/no questions asked one after the other, like a screening (the wording is the peer's own). */
const SCREENING_QUESTIONS = 24;

interface Profile {
  region?: string;
  pain?: number;
  answers: boolean[];
  steps: number;
}

class CoachPeerDialog extends ComponentDialog {
  constructor() {
    super('coach-peer');
    this.addDialog(new ConfirmPrompt(CONFIRM));
    this.addDialog(new ChoicePrompt(CHOICE));
    this.addDialog(new NumberPrompt(NUMBER, async (prompt) => prompt.recognized.succeeded && prompt.recognized.value! >= 0 && prompt.recognized.value! <= 10));
    this.addDialog(new TextPrompt(TEXT));
    this.addDialog(
      new WaterfallDialog(ONBOARDING, [
        async (step) => step.prompt(CONFIRM, 'Before we start: I am a coach, not a doctor. Is that OK?'),
        async (step) => {
          (step.values as Profile).answers = [];
          return step.prompt(CHOICE, { prompt: 'Which part of your spine hurts most?', choices: ChoiceFactory.toChoices(['lower back', 'neck', 'between my shoulder blades']) });
        },
        async (step) => {
          (step.values as Profile).region = (step.result as { value?: string } | undefined)?.value;
          return step.prompt(NUMBER, { prompt: 'How bad is the pain right now, from 0 to 10?', retryPrompt: 'A number from 0 to 10, please.' });
        },
        async (step) => {
          (step.values as Profile).pain = step.result as number;
          return step.beginDialog(SCREENING, { asked: 0, answers: [] });
        },
        async (step) => step.beginDialog(SESSION, { steps: 0 }),
      ]),
    );
    this.addDialog(
      new WaterfallDialog(SCREENING, [
        async (step: WaterfallStepContext<{ asked: number; answers: boolean[] }>) => step.prompt(CONFIRM, `Question ${step.options.asked + 1}: have you noticed this?`),
        async (step: WaterfallStepContext<{ asked: number; answers: boolean[] }>) => {
          const answers = [...step.options.answers, step.result === true];
          if (answers.length >= SCREENING_QUESTIONS) return step.endDialog(answers);
          return step.replaceDialog(SCREENING, { asked: answers.length, answers });
        },
      ]),
    );
    this.addDialog(
      new WaterfallDialog(SESSION, [
        async (step: WaterfallStepContext<{ steps: number }>) => step.prompt(TEXT, step.options.steps === 0 ? 'Here is your first exercise. What did your symptoms do?' : 'Next one. What did your symptoms do?'),
        async (step: WaterfallStepContext<{ steps: number }>) => {
          await step.context.sendActivity(`Noted: ${String(step.result).slice(0, 40)}`);
          return step.replaceDialog(SESSION, { steps: step.options.steps + 1 });
        },
      ]),
    );
    this.initialDialogId = ONBOARDING;
  }

  async run(context: TurnContext, accessor: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogs = new DialogSet(accessor);
    dialogs.add(this);
    const dialogContext = await dialogs.createContext(context);
    const result = await dialogContext.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dialogContext.beginDialog(this.id);
  }
}

class PeerBot extends ActivityHandler {
  constructor(conversationState: ConversationState, dialog: CoachPeerDialog) {
    super();
    const accessor = conversationState.createProperty<DialogState>('DialogState');
    this.onMessage(async (context, next) => {
      await dialog.run(context, accessor);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id !== context.activity.recipient.id) await context.sendActivity('Hello, I am a coach for back pain. Say hi to begin.');
      }
      await next();
    });
    this.onDialog(async (context, next) => {
      await conversationState.saveChanges(context, false);
      await next();
    });
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new PeerBot(new ConversationState(new MemoryStorage()), new CoachPeerDialog());
const server = restify.createServer({ name: 'peer-dialogs' });
server.use(restify.plugins.bodyParser());
server.get('/healthz', async (_req, res) => {
  res.send(200, { status: 'ok' });
});
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});

const port = Number(process.env.PORT ?? 3998);
server.listen(port, process.env.HOST ?? '127.0.0.1', () => {
  process.send?.({ ready: port });
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => server.close(() => process.exit(0)));
