export interface EmailMessage {
  id: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  idempotencyKey: string;
}

export interface EmailAdapter {
  name: "local" | "sendgrid";
  /** Delivers one message; returns the provider's message id. Throws on failure. */
  send(message: EmailMessage): Promise<string>;
}

/** The local adapter delivers to the dev mailbox, which reads the outbox itself: nothing leaves the machine. */
export const localEmailAdapter: EmailAdapter = {
  name: "local",
  async send(message) {
    return `local-${message.id}`;
  },
};
