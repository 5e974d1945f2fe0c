/** A browser's side of Direct Line 3.0 (polling), for tests against the real HTTP endpoint. */
export interface DlActivity {
  id: string;
  type: string;
  text?: string;
  from: { id: string; role?: string };
  value?: any;
  name?: string;
  channelData?: any;
  replyToId?: string;
  suggestedActions?: { actions: { type: string; title: string; value: any }[] };
  attachments?: { contentType: string; content: any }[];
  [key: string]: unknown;
}

export class DirectLineClient {
  conversationId = '';
  token = '';
  watermark = '';
  private counter = 0;
  constructor(readonly url: string) {}

  async start(): Promise<{ status: number; body: any }> {
    const response = await fetch(`${this.url}/v3/directline/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const body = await response.json();
    this.conversationId = body.conversationId;
    this.token = body.token;
    return { status: response.status, body };
  }

  request(path: string, init: RequestInit = {}, token = this.token): Promise<Response> {
    return fetch(`${this.url}/v3/directline${path}`, { ...init, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });
  }

  async post(activity: Record<string, unknown>): Promise<{ status: number; body: any; clientActivityID: string }> {
    const clientActivityID = `client-${++this.counter}`;
    const response = await this.request(`/conversations/${this.conversationId}/activities`, {
      method: 'POST',
      body: JSON.stringify({ from: { id: 'whoever', role: 'user' }, locale: 'en-US', ...activity, channelData: { clientActivityID, ...((activity.channelData as object) ?? {}) } }),
    });
    return { status: response.status, body: await response.json(), clientActivityID };
  }

  /** New activities since the last poll (moves the watermark on). */
  async poll(): Promise<DlActivity[]> {
    const response = await this.request(`/conversations/${this.conversationId}/activities?watermark=${this.watermark}`);
    if (response.status !== 200) throw new Error(`poll answered ${response.status}`);
    const body = (await response.json()) as { activities: DlActivity[]; watermark: string };
    this.watermark = body.watermark;
    return body.activities;
  }

  /** Posts a message and returns what came back after it (the echo first). */
  async say(text: string): Promise<DlActivity[]> {
    const posted = await this.post({ type: 'message', text });
    if (posted.status !== 200) throw new Error(`post answered ${posted.status}: ${JSON.stringify(posted.body)}`);
    return this.poll();
  }
}

export const botMessages = (activities: DlActivity[]) => activities.filter((a) => a.type === 'message' && a.from.role === 'bot');
export const lastButtons = (activities: DlActivity[]) => botMessages(activities).at(-1)?.suggestedActions?.actions.map((a) => a.title) ?? [];
