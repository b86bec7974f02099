import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { RobotSettings, SmtpSettings } from './channels.js';
import type { RobotChannel } from './tables.js';

/** What an outside channel carries: the title, a short body and where to look, never a document's text. */
export interface Message {
  title: string;
  body: string;
  link: string | null;
}

const TIMEOUT_MS = 10_000;

export async function sendEmail(smtp: SmtpSettings, to: string, message: Message): Promise<void> {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  try {
    await transport.sendMail({
      from: smtp.from,
      to,
      subject: message.title,
      text: [message.body, message.link ? `查看：${message.link}` : null].filter(Boolean).join('\n\n'),
    });
  } finally {
    transport.close();
  }
}

const hmacBase64 = (key: string, data: string) => createHmac('sha256', key).update(data).digest('base64');

/**
 * The request each robot's documented webhook API expects. DingTalk 加签: HMAC-SHA256 keyed by the
 * secret over "timestamp(ms)\nsecret", in the query. Feishu 签名校验: HMAC-SHA256 keyed by
 * "timestamp(s)\nsecret" over nothing, in the body.
 */
export function robotRequest(
  channel: RobotChannel,
  robot: RobotSettings,
  message: Message,
  now: Date,
): { url: string; body: Record<string, unknown> } {
  const more = message.link ? `\n\n查看：${message.link}` : '';
  switch (channel) {
    case 'wecom':
      return {
        url: robot.url,
        body: { msgtype: 'markdown', markdown: { content: `**${message.title}**\n${message.body}${more}` } },
      };
    case 'dingtalk': {
      let url = robot.url;
      if (robot.signingSecret) {
        const timestamp = String(now.getTime());
        const sign = hmacBase64(robot.signingSecret, `${timestamp}\n${robot.signingSecret}`);
        url += `${url.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${encodeURIComponent(sign)}`;
      }
      return {
        url,
        body: {
          msgtype: 'markdown',
          markdown: { title: message.title, text: `### ${message.title}\n\n${message.body}${more}` },
        },
      };
    }
    case 'feishu': {
      const signed: Record<string, string> = {};
      if (robot.signingSecret) {
        const timestamp = String(Math.floor(now.getTime() / 1000));
        signed.timestamp = timestamp;
        signed.sign = hmacBase64(`${timestamp}\n${robot.signingSecret}`, '');
      }
      return {
        url: robot.url,
        body: { ...signed, msg_type: 'text', content: { text: `${message.title}\n${message.body}${more}` } },
      };
    }
  }
}

/** Post to a robot; a refusal (HTTP error, or errcode/code other than 0 in the answer) throws. */
export async function postRobot(
  channel: RobotChannel,
  robot: RobotSettings,
  message: Message,
  now: Date,
): Promise<void> {
  const request = robotRequest(channel, robot, message, now);
  const res = await fetch(request.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(request.body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`机器人接口返回 HTTP ${res.status}：${text.slice(0, 200)}`);
  let answer: { errcode?: number; errmsg?: string; code?: number; msg?: string };
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    throw new Error(`机器人接口返回的不是 JSON：${text.slice(0, 200)}`);
  }
  const code = channel === 'feishu' ? answer.code : answer.errcode;
  if (code !== 0)
    throw new Error(`机器人拒绝消息：${code ?? '?'} ${answer.errmsg ?? answer.msg ?? ''}`.trim());
}
