import client from "@sendgrid/client";
import sgMail from "@sendgrid/mail";
import type { EmailAdapter } from "./adapter";

export interface SendGridOptions {
  apiKey: string;
  /** Overrides the API host, for contract tests against a local server. */
  baseUrl?: string;
}

// Both packages export a singleton; their classes (at runtime on the singleton) give an instance per adapter.
const ClientClass = (client as unknown as { Client: new () => typeof client }).Client;
const MailServiceClass = (sgMail as unknown as { MailService: new () => typeof sgMail }).MailService;

export function createSendGridAdapter(options: SendGridOptions): EmailAdapter {
  const http = new ClientClass();
  http.setApiKey(options.apiKey);
  if (options.baseUrl) http.setDefaultRequest("baseUrl", options.baseUrl);
  const mailer = new MailServiceClass();
  mailer.setClient(http);
  return {
    name: "sendgrid",
    async send(message) {
      const [response] = await mailer.send({
        to: message.to,
        from: message.from,
        subject: message.subject,
        text: message.text,
        html: message.html,
        customArgs: { outbox_id: message.id },
        headers: { "X-Idempotency-Key": message.idempotencyKey },
      });
      const id = response.headers["x-message-id"];
      return typeof id === "string" ? id : `sendgrid-${message.id}`;
    },
  };
}
