// A stand-in for the mail server Grantdesk sends notifications through: an SMTP server
// (smtp-server) on its own loopback port that accepts any AUTH user and password (it records the
// user name, never the password), plain connections without STARTTLS, and stores each message as
// mailparser reads it. Messages over 10 MB are refused as a real server would (552).

import type { AddressInfo } from "node:net";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";

export const MAX_MAIL_MESSAGES = 1_000;
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

export interface MailMessage {
  id: number;
  receivedAt: string;
  /** The AUTH user name, or null when the client did not authenticate. */
  username: string | null;
  envelope: { from: string | null; to: string[] };
  from: string | null;
  to: string[];
  cc: string[];
  subject: string | null;
  text: string | null;
  html: string | null;
  messageId: string | null;
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return list.flatMap((group) => group.value.map((address) => address.address ?? "").filter(Boolean));
}

export class MailSink {
  private messages: MailMessage[] = [];
  private nextId = 1;
  private server: SMTPServer | null = null;

  /** Starts the SMTP server on 127.0.0.1; resolves with its port. */
  async listen(port: number): Promise<number> {
    const server = new SMTPServer({
      name: "fake-github.local",
      banner: "fake-github mail sink",
      authOptional: true,
      allowInsecureAuth: true,
      disabledCommands: ["STARTTLS"],
      size: MAX_MESSAGE_BYTES,
      logger: false,
      onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? "" }),
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((parsed) => {
            if (stream.sizeExceeded) {
              callback(Object.assign(new Error("Message exceeds the fixed maximum message size"), { responseCode: 552 }));
              return;
            }
            this.store({
              id: 0,
              receivedAt: new Date().toISOString(),
              username: typeof session.user === "string" && session.user !== "" ? session.user : null,
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
                to: session.envelope.rcptTo.map((recipient) => recipient.address),
              },
              from: addresses(parsed.from)[0] ?? null,
              to: addresses(parsed.to),
              cc: addresses(parsed.cc),
              subject: parsed.subject ?? null,
              text: parsed.text ?? null,
              html: typeof parsed.html === "string" ? parsed.html : null,
              messageId: parsed.messageId ?? null,
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.server.off("error", reject);
        resolve();
      });
    });
    this.server = server;
    return (server.server.address() as AddressInfo).port;
  }

  close(): Promise<void> {
    const server = this.server;
    this.server = null;
    return server ? new Promise((resolve) => server.close(() => resolve())) : Promise.resolve();
  }

  private store(message: MailMessage): void {
    this.messages.push({ ...message, id: this.nextId++ });
    if (this.messages.length > MAX_MAIL_MESSAGES) this.messages = this.messages.slice(-MAX_MAIL_MESSAGES);
  }

  /** Newest first. */
  list(): MailMessage[] {
    return this.messages.slice().reverse();
  }

  clear(): void {
    this.messages = [];
    this.nextId = 1;
  }
}
